import rule from './license.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: "the root LICENSE's own licence governs: a preamble naming the licence of a vendored folder in parentheses is not the project's (round 12, PolyForm Shield)",
      tree: {
        LICENSE: [
          'Copyright (c) 2023-present Example B.V.',
          '',
          'Portions of this software are licensed as follows:',
          '',
          "* All content that resides under the 'vendor_sdk' directory is Copyright 2019 Vendor",
          '  and individual contributors. (BSD 3-Clause License)',
          '* The icons are from Heroicons (MIT License)',
          '',
          '* Content outside of the above mentioned directories is available under the license below:',
          '',
          '# PolyForm Shield License 1.0.0',
          '',
          '<https://polyformproject.org/licenses/shield/1.0.0>',
          '',
        ].join('\n'),
        'vendor_sdk/LICENSE': 'BSD 3-Clause License\n\nRedistributions in binary form must reproduce...\n',
        'manage.py': 'import sys\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Licence stated in LICENSE (PolyForm-Shield-1.0.0).',
        evidence: [
          {
            path: 'LICENSE',
            line: 11,
            snippet: '# PolyForm Shield License 1.0.0',
            note: 'licence text: PolyForm-Shield-1.0.0',
          },
        ],
        absent: ['BSD'],
      },
    },
    {
      name: 'a BSD text whose third clause says the author name may not be used to endorse is BSD-3-Clause',
      tree: {
        LICENSE:
          'Copyright (c) 2012 J. Doe\n\nRedistribution and use in source and binary forms, with or without\nmodification, are permitted provided that the following conditions\nare met:\n\n1. Redistributions of source code must retain the above copyright\n   notice, this list of conditions and the following disclaimer.\n2. Redistributions in binary form must reproduce the above copyright\n   notice, this list of conditions and the following disclaimer in the\n   documentation and/or other materials provided with the distribution.\n' +
          '3. The name of the author may not be used to endorse or promote products\n   derived from this software without specific prior written permission.\n\nTHIS SOFTWARE IS PROVIDED BY THE AUTHOR AS IS\n',
        Gemfile: "gem 'rails'\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'LICENSE',
            line: 12,
            snippet: '3. The name of the author may not be used to endorse or promote products',
            note: 'licence text: BSD-3-Clause',
          },
        ],
      },
    },
    {
      name: 'a BSD text whose third clause wraps ("endorse or" / "promote" on the next line) is BSD-3-Clause, cited at that clause',
      tree: {
        LICENSE:
          'Copyright (c) 2014-2022 by the Boardly Team and contributors.\n\nSome rights reserved.\n\nRedistribution and use in source and binary forms of the software as well\nas documentation, with or without modification, are permitted provided\nthat the following conditions are met:\n\n* Redistributions of source code must retain the above copyright\n  notice, this list of conditions and the following disclaimer.\n\n* Redistributions in binary form must reproduce the above\n  copyright notice, this list of conditions and the following\n  disclaimer in the documentation and/or other materials provided\n  with the distribution.\n\n' +
          '* The names of the contributors may not be used to endorse or\n  promote products derived from this software without specific\n  prior written permission.\n\nTHIS SOFTWARE AND DOCUMENTATION IS PROVIDED BY THE COPYRIGHT HOLDERS\n',
        'pyproject.toml': '[project]\nname = "boardly"\nlicense = "BSD-3-Clause"\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Licence stated in LICENSE (BSD-3-Clause).',
        evidence: [{ path: 'LICENSE', line: 17, note: 'licence text: BSD-3-Clause' }],
        absent: ['BSD-2-Clause'],
      },
    },
    {
      name: 'a BSD text with two clauses only is BSD-2-Clause',
      tree: {
        LICENSE:
          'Copyright (c) 2012 J. Doe\n\nRedistribution and use in source and binary forms, with or without\nmodification, are permitted provided that the following conditions\nare met:\n\n1. Redistributions of source code must retain the above copyright\n   notice, this list of conditions and the following disclaimer.\n2. Redistributions in binary form must reproduce the above copyright\n   notice, this list of conditions and the following disclaimer in the\n   documentation and/or other materials provided with the distribution.\n' +
          '\nTHIS SOFTWARE IS PROVIDED BY THE AUTHOR AS IS\n',
        Gemfile: "gem 'rails'\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'LICENSE', line: 1, note: 'licence text: BSD-2-Clause' }] },
    },
    {
      name: 'a root LICENSE passes and the licence is named from its text',
      tree: {
        LICENSE:
          'MIT License\n\nCopyright (c) 2024 Acme\n\nPermission is hereby granted, free of charge, to any person\n',
        'index.js': 'module.exports = {};\n',
      },
      expect: {
        outcome: 'pass',
        message: 'MIT',
        evidence: [{ path: 'LICENSE', line: 1, note: 'licence text: MIT' }],
        data: { licenses: ['MIT'] },
      },
    },
    {
      name: 'a Rails-era MIT-LICENSE at the root passes',
      tree: {
        'MIT-LICENSE':
          'Copyright (c) 2009 Rubygems\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n',
        Gemfile: "gem 'rails'\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'MIT-LICENSE' }] },
    },
    {
      name: 'a GPL-2.0 text whose preamble names the Lesser GPL is the GPL-2.0, not the LGPL',
      tree: {
        LICENSE:
          '                    GNU GENERAL PUBLIC LICENSE\n                       Version 2, June 1991\n\n  Preamble\n\nThe licenses for most software are designed to take away your freedom.\n(Some other software is covered by\nthe GNU Lesser General Public License instead.)\n',
        'src/Program.cs': 'class Program {}\n',
      },
      expect: {
        outcome: 'pass',
        data: { licenses: ['GPL-2.0'] },
        evidence: [{ path: 'LICENSE', note: 'licence text: GPL-2.0' }],
      },
    },
    {
      name: 'an LGPL-3.0 text that refers to the GNU GPL further down is the LGPL',
      tree: {
        'COPYING.LESSER':
          '                   GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n\nThis version of the GNU Lesser General Public License incorporates\nthe terms of version 3 of the GNU General Public License.\n',
        'lib/list.c': 'int len(void) { return 0; }\n',
      },
      expect: { outcome: 'pass', data: { licenses: ['LGPL-3.0'] } },
    },
    {
      name: 'COPYING with the GPL passes',
      tree: {
        COPYING: '                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n',
        'src/main.c': 'int main(void) { return 0; }\n',
      },
      expect: { outcome: 'pass', data: { licenses: ['GPL-3.0'] } },
    },
    {
      name: 'a licence field in package.json passes with its line',
      tree: { 'package.json': '{\n  "name": "svc",\n  "license": "Apache-2.0"\n}\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'package.json', line: 3, snippet: 'Apache-2.0' }] },
    },
    {
      name: 'a licence in Cargo.toml passes',
      tree: { 'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0"\nlicense = "MIT OR Apache-2.0"\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'Cargo.toml', line: 4, snippet: 'MIT OR Apache-2.0' }] },
    },
    {
      name: 'a pom.xml <licenses> block passes',
      tree: {
        'pom.xml':
          '<project>\n  <licenses>\n    <license>\n      <name>Apache License 2.0</name>\n    </license>\n  </licenses>\n</project>\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'pom.xml', snippet: 'Apache License 2.0' }] },
    },
  ],
  invalid: [
    {
      name: 'no licence anywhere fails',
      tree: { 'README.md': '# x\n', 'package.json': '{"name":"x"}\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'a LICENSE inside a vendored package does not count',
      tree: { 'vendor/lib/LICENSE': 'MIT License\n', 'main.go': 'package main\n' },
      expect: { outcome: 'fail' },
    },
  ],
});
