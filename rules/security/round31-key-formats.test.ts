import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './no-committed-secrets.js';

/** Blind round 31: private keys in non-PEM formats (JWK, Data Protection XML, PuTTY, PKCS#12). */
const d = 'dcApJZeeFVu5-dlh9YDwtb570Gy6uvK2DRU22IjhuLWIQddPOnEBsTm9n2blZhP';
const jwk = `{"alg":"RS256","d":"${d}","e":"AQAB","kty":"RSA","n":"wZ3Ynq1p0bXnPZsQ"}\n`;
const dpKey = (inner: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<key id="cdb485fc" version="1">\n  <descriptor>\n    <descriptor>\n      <encryption algorithm="AES_256_CBC" />\n      <masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection">\n${inner}\n      </masterKey>\n    </descriptor>\n  </descriptor>\n</key>\n`;

ruleTester(rule, {
  valid: [
    {
      name: "IdentityServer's developer signing key (tempkey.jwk) is set aside as a development key, and named",
      tree: { 'identity/tempkey.jwk': jwk },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'identity/tempkey.jwk' }],
        message: [],
        absent: [d],
      },
    },
    {
      name: 'a public JWK (no "d") and a Data Protection key wrapped by an <encryptedSecret> are no committed keys',
      tree: {
        'keys/public.jwk': '{"kty":"RSA","e":"AQAB","n":"wZ3Ynq1p0bXnPZsQ","kid":"k1"}\n',
        'api/key-1.xml': dpKey(
          '        <encryptedSecret decryptorType="X509"><encryptedKey>abc</encryptedKey></encryptedSecret>',
        ),
      },
      expect: { outcome: 'pass', message: 'No committed credentials found.' },
    },
  ],
  invalid: [
    {
      name: 'an RSA private JWK in a service folder is a committed private key',
      tree: { 'api/signing.jwk': jwk },
      expect: { outcome: 'fail', evidence: [{ path: 'api/signing.jwk', line: 1 }], absent: [d] },
    },
    {
      name: 'an ASP.NET Data Protection key file with its master key in the clear',
      tree: {
        'api/key-cdb485fc.xml': dpKey(
          '        <!-- Warning: the key below is in an unencrypted form. -->\n        <value>qL5xJg0bN8o3uN8Jr2yqv0mJrjZ1bWk2fV8Yh1c9Qm4=</value>',
        ),
      },
      expect: { outcome: 'fail', evidence: [{ path: 'api/key-cdb485fc.xml', line: 6 }], absent: ['qL5xJg0bN8o3'] },
    },
    {
      name: 'a PuTTY private key file and a committed .pfx store',
      tree: {
        'deploy/server.ppk':
          'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIDk\nAAAA\nPrivate-Lines: 1\nAAAAIFh3b2x2\nPrivate-MAC: 0a1b\n',
        'deploy/site.pfx': 'binary',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: 'deploy/server.ppk', line: 1 },
          { path: 'deploy/site.pfx', line: 1 },
        ],
      },
    },
  ],
});
