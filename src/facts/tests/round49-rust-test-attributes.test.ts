/**
 * Blind round 49, class "test counts within 3 % of the runner": Rust tests marked by a crate's own
 * re-export of a runtime's test attribute (`#[crate::test]`), and tests a `macro_rules!` writes once
 * per invocation (including a macro that itself uses such an attribute).
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const counts = (t: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(t)).files.map((f) => [f.path, [f.cases, f.expanded]]));

const crate = {
  'Cargo.toml': '[package]\nname = "web"\nversion = "0.1.0"\nedition = "2021"\n',
  'src/lib.rs': '#[cfg(test)]\nuse web_macros::__private_test as test;\n\npub mod routing;\n',
};

describe('a crate-local test attribute', () => {
  it('counts functions marked #[crate::test] like #[tokio::test]', () => {
    const routing = `pub fn route() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[crate::test]
    async fn routes_get() {
        route();
    }

    #[crate::test]
    async fn routes_post() {
        route();
    }

    #[tokio::test(start_paused = true)]
    async fn times_out() {}

    #[test]
    fn plain() {}
}
`;
    expect(counts({ ...crate, 'src/routing.rs': routing })['src/routing.rs']).toEqual([4, 4]);
  });

  it('does not take an attribute that only starts with test for a test', () => {
    const other = `#[cfg(test)]
mod tests {
    #[crate::test_helpers]
    fn helper() {}

    #[test]
    fn one() {}
}
`;
    expect(counts({ ...crate, 'src/routing.rs': other })['src/routing.rs']).toEqual([1, 1]);
  });
});

describe('tests a macro_rules! writes per invocation', () => {
  it('counts each invocation of a macro whose body holds #[test] or #[crate::test]', () => {
    const strip = `pub fn strip(s: &str) -> &str { s }

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! test {
        (
            $name:ident,
            uri = $uri:literal,
            expected = $expected:expr,
        ) => {
            #[test]
            fn $name() {
                assert_eq!(strip($uri), $expected);
            }
        };
    }

    test!(empty, uri = "/", expected = "/",);

    test!(
        single,
        uri = "/a",
        expected = "/a",
    );

    test!(double, uri = "/a/b", expected = "/a/b",);
}
`;
    const nest = `macro_rules! nested_route_test {
    (
        $name:ident,
        nest = $nest:literal $(,)?
    ) => {
        #[crate::test]
        async fn $name() {
            let _ = $nest;
        }
    };
}

nested_route_test!(nest_1, nest = "/a");
nested_route_test!(nest_2, nest = "/b");
`;
    const c = counts({ ...crate, 'src/routing.rs': strip, 'src/routing/tests/nest.rs': nest });
    expect(c['src/routing.rs']).toEqual([3, 3]);
    expect(c['src/routing/tests/nest.rs']).toEqual([2, 2]);
  });
});
