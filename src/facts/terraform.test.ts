import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { MemorySource } from '../testing/memory.js';
import { scan } from '../scan/scanner.js';
import { mapPackage, PackageIndex } from '../walk/package-view.js';
import { attr, block, hasNestedBlock, num, parseHcl, resourcesOf, terraform, TF_DIGEST } from './terraform.js';

const main = `terraform {
  backend "s3" {
    bucket = "state" # comment
  }
}

/* a block comment { with braces } */
resource "aws_db_instance" "main" {
  engine                  = "postgres"
  backup_retention_period = 7
  multi_az                = true
  tags = {
    Name = "db-\${terraform.workspace}"
  }
  user_data = <<-EOT
    #!/bin/bash
    echo "{ not a block"
  EOT
  lifecycle { prevent_destroy = true }
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
  azs    = ["eu-west-1a", "eu-west-1b"]
}

variable "replicas" { default = 2 }
`;

describe('terraform model', () => {
  it('reads blocks, literal attributes, nested blocks, backends, variables and workspaces', () => {
    const m = terraform(memoryIndex({ 'infra/main.tf': main, 'infra/prod.tfvars': 'replicas = 3\n' }));
    expect(m.notes).toEqual([]);
    expect(m.backends).toEqual([{ type: 's3', path: 'infra/main.tf', line: 2 }]);
    const [db] = resourcesOf(m, 'aws_db_instance');
    expect(db).toMatchObject({ labels: ['aws_db_instance', 'main'], line: 8, endLine: 20 });
    expect(db!.attrs).toMatchObject({ engine: 'postgres', backup_retention_period: 7, multi_az: true });
    expect(db!.attrLines.multi_az).toBe(11);
    expect(attr(db!, 'lifecycle', 'prevent_destroy')).toBe(true);
    expect(block(db!, 'lifecycle')?.line).toBe(19);
    expect(m.modules[0]!.attrs.source).toBe('terraform-aws-modules/vpc/aws');
    expect(m.modules[0]!.attrs.azs).toEqual({ expr: '["eu-west-1a", "eu-west-1b"]' });
    expect(num(m.variables[0]!.attrs.default)).toBe(2);
    expect(m.tfvars).toEqual(['infra/prod.tfvars']);
    expect(m.workspaces).toEqual(['infra/main.tf']);
  });

  it('notes malformed HCL and keeps the blocks before the fault', () => {
    const m = terraform(
      memoryIndex({
        'bad.tf':
          'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n',
      }),
    );
    expect(m.resources.map((r) => r.labels[1])).toEqual(['a']);
    expect(m.notes[0]).toMatchObject({ path: 'bad.tf' });
    expect(m.notes[0]!.note).toContain('not closed');
  });

  it('never throws on garbage', () => {
    for (const text of ['}}}', '"unterminated', 'a = (1,', 'resource "x" "y" {\n tags = {\n', '<<EOF', '= = =']) {
      expect(() => parseHcl('x.tf', text)).not.toThrow();
      expect(parseHcl('x.tf', text).error).toBeTruthy();
    }
  });

  it('counts lines across comments, heredocs and interpolations, and says where a fault is', () => {
    const text = [
      '/* two',
      '   lines */ resource "a" "b" { # c',
      '  x = "${join("\\n", [',
      '  ])}"',
      '  y = <<EOT',
      'one',
      'EOT',
      '  // z {',
      '  inner {',
      '  }',
      '}',
      'locals { v = "open',
      '}',
    ].join('\n');
    const r = parseHcl('main.tf', text);
    expect(r.blocks[0]).toMatchObject({ line: 2, endLine: 11, attrLines: { x: 3, y: 5 } });
    expect(r.blocks[0]!.blocks[0]).toMatchObject({ type: 'inner', line: 9, endLine: 10 });
    expect(r.error).toBe('unterminated string on line 12');
    expect(parseHcl('x.tf', 'a {\n}\n\n}').error).toBe('unexpected "}" on line 4');
    expect(parseHcl('x.tf', '\n\n a "b" 7 {}').error).toBe('expected "{" or "=" after "a" on line 3');
  });

  it('reads a name of thousands of characters in pieces of 200, in linear time', () => {
    const long = 'n'.repeat(200_000);
    const r = parseHcl('main.tf', `${long} {}\n${'a {} '.repeat(50_000)}`);
    expect(r.blocks[0]!.type).toBe('n'.repeat(200));
    expect(r.blocks[0]!.labels).toHaveLength(999);
    expect(r.blocks).toHaveLength(50_001);
    expect(r.blocks.at(-1)).toMatchObject({ type: 'a', line: 2, endLine: 2 });
  });

  it('blocks nested 20,000 deep are refused with a note, not a stack overflow that ended the audit', () => {
    const deep = (n: number) => `${'a {\n'.repeat(n)}${'}\n'.repeat(n)}`;
    const head = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n';
    const r = parseHcl('main.tf', head + deep(20_000));
    expect(r.blocks.map((b) => b.labels[1])).toEqual(['b']);
    expect(r.error).toContain('nested deeper than 256 levels');
    // Nesting a configuration can hold reads as before.
    const ok = parseHcl('main.tf', head + deep(200));
    expect([ok.error, ok.blocks.length]).toEqual([undefined, 2]);
  });

  it('a heredoc closes at its marker on a line of its own, found in linear time past 100,000 blank lines', () => {
    // `^\s*EOF\s*$` under the m flag ran on across the blank lines from each of them: 21 s here.
    const text = `resource "aws_instance" "a" {\n  user_data = <<-EOF\n${'\n'.repeat(100_000)}    EOF  \n  count = 2\n}\nresource "aws_instance" "b" {\n  user_data = <<EOF\n${'\n'.repeat(100_000)}x\n}\n`;
    const r = parseHcl('main.tf', text);
    // The first closes (`count` is read after it); the second never does: it takes the rest, unread.
    expect(r.blocks.map((b) => b.labels[1])).toEqual(['a']);
    expect(r.error).toContain('not closed');
    expect(num(r.blocks[0]!.attrs.count)).toBe(2);
  });

  it('keeps only the heads of blocks no rule reads, and gives their bodies back unchanged when read', async () => {
    const text = `resource "acme_widget" "w" {
  size = 3
  ref  = var.size
  outer {
    inner { rate_limit_options { n = 1 } }
  }
}

output "id" { value = acme_widget.w.id }

${main}`;
    const tree = { 'infra/main.tf': text };
    const full = parseHcl('infra/main.tf', text).blocks;
    const files = memoryIndex(tree);
    await scan(files, new MemorySource(tree), [], [], [TF_DIGEST]);
    const kept = files.digest('infra/main.tf', TF_DIGEST)!.blocks;
    // acme_widget and the output are heads: no attrs, attrLines nor blocks until the model gives them back.
    expect(kept.map((b) => 'attrs' in b)).toEqual([false, false, true, true, true, true]);
    const reads = files.stats.reads;
    const m = terraform(files);
    const [w] = resourcesOf(m, 'acme_widget');
    expect(hasNestedBlock(w!, 'rate_limit_options')).toBe(true);
    expect(hasNestedBlock(w!, 'lifecycle')).toBe(false);
    expect(files.stats.reads).toBe(reads);
    // Read, spread or serialised: the same block as a full parse, keys in the same order.
    expect(JSON.stringify(m.blocks)).toBe(JSON.stringify(full));
    expect(Object.keys({ ...w! })).toEqual(Object.keys(full[0]!));
    expect(attr(w!, 'outer', 'inner', 'rate_limit_options', 'n')).toBe(1);
    expect(files.stats.reads).toBe(reads + 1);
  });

  it('gives a head its body back in a workspace package, whose paths are the package’s', async () => {
    const text = 'resource "acme_widget" "w" {\n  size = 3\n}\n';
    const tree = { 'infra/main.tf': text, 'package.json': '{}' };
    const source = new MemorySource(tree);
    const repo = memoryIndex(tree);
    await scan(repo, source, [], [], [TF_DIGEST]);
    const pkg = new PackageIndex(mapPackage(repo.paths, 'infra'), repo, source);
    const [w] = resourcesOf(terraform(pkg), 'acme_widget');
    expect(w?.path).toBe('infra/main.tf');
    expect(w?.attrs).toEqual({ size: 3 });
    expect(w?.attrLines).toEqual({ size: 2 });
  });
});
