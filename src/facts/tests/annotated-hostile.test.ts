/**
 * TestNG files written to be slow (trust review, mend43): each `@DataProvider` body was read again
 * for its `new Object[][] {` rows, nested ones inside each enclosing one (20,000 nested providers
 * took 2.5 s, 40,000 9.3 s). Asserted on the counts, never timed.
 */
import { describe, expect, it } from 'vitest';
import { countJvm } from './annotated.js';

const file = (junk: string) =>
  [
    'import org.testng.annotations.DataProvider;',
    'import org.testng.annotations.Test;',
    'public class RowsTest {',
    '  @DataProvider',
    '  public Object[][] rows() { return new Object[][] {{1}, {2}, {3}}; }',
    '  @Test(dataProvider = "rows")',
    '  public void withRows(int n) {}',
    junk,
    '}',
  ].join('\n');

describe('hostile TestNG files', () => {
  it('20,000 nested data providers leave a provider of three rows read as three cases', () => {
    const n = 20_000;
    const plain = countJvm(file(''), 'java');
    expect([plain.cases, plain.expanded]).toEqual([1, 3]);
    const r = countJvm(
      file(
        `${'  @DataProvider(name = "p") public Object[][] p() { new Object[][] {{1}};\n'.repeat(n)}${'}'.repeat(n)}`,
      ),
      'java',
    );
    expect([r.cases, r.expanded, r.framework]).toEqual([1, 3, 'TestNG']);
  });
});
