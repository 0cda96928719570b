/**
 * Blind round 46 (kellnr): a proc-macro crate of the repository defines a test attribute
 * (`#[proc_macro_attribute] pub fn db_test`) whose output writes two `#[tokio::test]` functions per
 * function it marks (one per database). Each marked function counts as the tests the output holds;
 * an attribute macro that only passes the function's own attributes through writes none of its own.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { countRust } from './annotated.js';
import { testInventory } from './inventory.js';
import rule from '../../../rules/quality/tests-present.js';
import { runRuleOn } from '../../testing/rule-tester.js';

const DB_TEST = [
  'use proc_macro::TokenStream;', // 1
  'use quote::quote;',
  'use syn::{ItemFn, parse_macro_input};',
  '',
  '#[proc_macro_attribute]', // 5
  'pub fn db_test(_attr: TokenStream, stream: TokenStream) -> TokenStream {',
  '    let input = parse_macro_input!(stream as ItemFn);',
  '    let ItemFn { vis, sig, block, .. } = input;',
  '    let name = &sig.ident;',
  '    let sqlite = quote::format_ident!("sqlite_{name}");',
  '    let postgres = quote::format_ident!("postgres_{name}");',
  '    let output = quote! {',
  '        #vis #sig #block',
  '        #[tokio::test]',
  '        async fn #sqlite() { let db = Db::sqlite().await; #name(&db).await; }',
  '        #[tokio::test]',
  '        async fn #postgres() { let db = Db::postgres().await; #name(&db).await; }',
  '    };',
  '    output.into()',
  '}',
  '',
].join('\n');

// Passes the function's own attributes through and adds a container: no test of its own.
const CONTAINER = [
  'use proc_macro::TokenStream;',
  'use quote::quote;',
  '',
  '#[proc_macro_attribute]',
  'pub fn with_container(_attr: TokenStream, stream: TokenStream) -> TokenStream {',
  '    let ItemFn { attrs, vis, sig, block, .. } = syn::parse_macro_input!(stream as syn::ItemFn);',
  '    let stmts = &block.stmts;',
  '    quote! { #(#attrs)* #vis #sig { let container = start().await; #(#stmts)* } }.into()',
  '}',
  '',
].join('\n');

// A thin entry point whose output is built by a function of the same file.
const DELEGATING = [
  'use proc_macro::TokenStream;',
  '',
  '#[proc_macro_attribute]',
  'pub fn each_runtime(attr: TokenStream, item: TokenStream) -> TokenStream {',
  '    expand(attr.into(), item.into()).into()',
  '}',
  '',
  'fn expand(_attr: proc_macro2::TokenStream, item: proc_macro2::TokenStream) -> proc_macro2::TokenStream {',
  '    let f: syn::ItemFn = syn::parse2(item).unwrap();',
  '    let name = &f.sig.ident;',
  '    quote::quote! {',
  '        #f',
  '        #[test] fn single() { run_single(#name) }',
  '        #[test] fn multi() { run_multi(#name) }',
  '        #[test] fn current() { run_current(#name) }',
  '    }',
  '}',
  '',
].join('\n');

const USES = [
  'use db::Database;',
  'use db_testcontainer::db_test;',
  '',
  '#[db_test]',
  'async fn add_user(db: &Database) { db.add_user("a").await.unwrap(); }',
  '',
  '#[db_test]',
  'async fn delete_user(db: &Database) { db.delete_user("a").await.unwrap(); }',
  '',
  '#[with_container]',
  '#[tokio::test]',
  'async fn put_object() { assert!(true); }',
  '',
  '#[tokio::test]',
  'async fn plain() { assert!(true); }',
  '',
  '#[tracing::instrument]',
  'async fn helper() {}',
  '',
].join('\n');

const tree = {
  'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
  'crates/db-testcontainer/Cargo.toml': '[package]\nname = "db-testcontainer"\n\n[lib]\nproc-macro = true\n',
  'crates/db-testcontainer/src/lib.rs': DB_TEST,
  'crates/container/Cargo.toml': '[package]\nname = "container"\n\n[lib]\nproc-macro = true\n',
  'crates/container/src/lib.rs': CONTAINER,
  'crates/db/Cargo.toml': '[package]\nname = "db"\n',
  'crates/db/src/lib.rs': 'pub struct Database;\n',
  'crates/db/tests/db_test.rs': USES,
};

describe('Rust test attribute macros of the repository (blind round 46)', () => {
  it('reads how many tests a proc-macro attribute writes, and does not count its output as tests of the macro file', () => {
    const r = countRust(DB_TEST);
    expect(r.attrMacros).toEqual([{ name: 'db_test', line: 5, tests: 2 }]);
    expect(r.cases).toBe(0);
    expect(countRust(CONTAINER).attrMacros).toBeUndefined();
    expect(countRust(DELEGATING).attrMacros).toEqual([{ name: 'each_runtime', line: 3, tests: 3 }]);
  });

  it('counts each #[db_test] function as the two tests the macro writes; a pass-through attribute adds none', () => {
    const inv = testInventory(memoryIndex(tree));
    const f = inv.files.find((x) => x.path === 'crates/db/tests/db_test.rs');
    // 2 × #[db_test] × 2 + put_object + plain
    expect(f?.cases).toBe(6);
    expect(f?.via).toEqual([
      {
        name: '#[db_test]',
        path: 'crates/db-testcontainer/src/lib.rs',
        line: 5,
        cases: 4,
        attribute: { perFunction: 2 },
      },
    ]);
    expect(inv.files.some((x) => x.path === 'crates/db-testcontainer/src/lib.rs')).toBe(false);
  });

  it('without the macro in the repository, an unknown attribute on a function is no test', () => {
    const { 'crates/db-testcontainer/src/lib.rs': _, ...rest } = tree;
    const inv = testInventory(memoryIndex(rest));
    expect(inv.files.find((x) => x.path === 'crates/db/tests/db_test.rs')?.cases).toBe(2);
  });

  it('tests-present names the macro and how its tests were counted', async () => {
    const run = await runRuleOn(rule, tree);
    const note = run.evidence.find((e) => e.path === 'crates/db-testcontainer/src/lib.rs');
    expect(note?.note).toMatch(/4 tests in crates\/db\/tests\/db_test\.rs generated by #\[db_test\].*2 per function/);
  });

  it('an output whose runtime is a variable (#[#runtime::test]) counts once per function', () => {
    const text = DB_TEST.replace(/#\[tokio::test\]/g, '#[#rt::test]').replace(
      '    let output',
      '    let rt = quote!(tokio);\n    let output',
    );
    expect(countRust(text).attrMacros).toEqual([{ name: 'db_test', line: 5, tests: 1, unread: true }]);
  });

  it('stays bounded on a hostile file of many attribute macros and uses', () => {
    const defs = '#[proc_macro_attribute]\npub fn m(a: T, b: T) -> T { quote!{ #[test] fn x() {} } }\n'.repeat(5_000);
    const uses = '#[m]\nfn y() {}\n'.repeat(20_000);
    const r = countRust(defs + uses);
    expect(r.attrMacros!.length).toBeLessThanOrEqual(50);
  });
});
