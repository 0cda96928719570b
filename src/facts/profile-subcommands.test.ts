/**
 * Blind round 33: a cobra CLI (a root in main.go, several commands of user work) whose one `serve`
 * sub-command opens a listener was profiled a service. A program whose serving command is deployed
 * (an image that runs `serve`), or whose root serves, stays a service. Real facts and scan, on
 * in-memory trees.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../testing/memory.js';
import { profileOf } from '../testing/profile.js';

const command = (name: string, body = '\t\treturn nil\n') =>
  `package main\n\nimport "github.com/spf13/cobra"\n\nvar ${name}Cmd = &cobra.Command{\n\tUse: "${name} <file>",\n\tRunE: func(cmd *cobra.Command, args []string) error {\n${body}\t},\n}\n`;

const serveBody = '\t\tls, err := net.Listen("tcp", addr)\n\t\t_ = ls\n\t\treturn err\n';

const cliTree = (): Tree => ({
  'go.mod': 'module example.com/rec\n\ngo 1.22\n\nrequire github.com/spf13/cobra v1.8.0\n',
  'main.go':
    'package main\n\nimport "github.com/spf13/cobra"\n\nvar rootCmd = &cobra.Command{\n\tUse: "rec <tape>",\n}\n\nfunc main() {\n\trootCmd.AddCommand(recordCmd, themesCmd, publishCmd, serveCmd)\n\t_ = rootCmd.Execute()\n}\n',
  'record.go': command('record'),
  'themes.go': command('themes'),
  'publish.go': command('publish'),
  'serve.go': command('serve', serveBody),
  'tty.go':
    'package main\n\nimport "net"\n\nfunc randomPort() int {\n\taddr, _ := net.Listen("tcp", ":0")\n\t_ = addr.Close()\n\treturn 0\n}\n',
  Dockerfile:
    'FROM golang:1.22 AS build\nRUN go build -o /rec .\nFROM alpine:3.20\nCOPY --from=build /rec /usr/bin/rec\nEXPOSE 1976\nENTRYPOINT ["/usr/bin/rec"]\n',
});

describe('a server in one sub-command of a command-line program', () => {
  it('a cobra CLI whose `serve` sub-command listens is a cli, the sub-command named', async () => {
    const p = await profileOf(cliTree());
    expect(p.id).toBe('cli');
    expect(p.reasons[0]).toMatch(/^cli; `serve` sub-command runs a server \(serve\.go:\d+/);
    expect(p.reasons.join(' ')).toMatch(/tty\.go:\d+ listens on port 0/);
  });
  it('the same program whose image runs `serve` is a service', async () => {
    const tree = cliTree();
    tree.Dockerfile = String(tree.Dockerfile).replace(
      'ENTRYPOINT ["/usr/bin/rec"]',
      'ENTRYPOINT ["/usr/bin/rec", "serve"]',
    );
    expect((await profileOf(tree)).id).toBe('service');
  });
  it('the same program started as `serve` by a Kubernetes Deployment is a service', async () => {
    const tree = cliTree();
    tree['deploy/deployment.yaml'] =
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: rec\n          image: rec:1\n          args:\n            - serve\n';
    expect((await profileOf(tree)).id).toBe('service');
  });
  it('a server whose other commands are only chores (migrate, version) is a service', async () => {
    const tree = cliTree();
    tree['record.go'] = command('migrate');
    tree['themes.go'] = command('version');
    delete tree['publish.go'];
    expect((await profileOf(tree)).id).toBe('service');
  });
  it('a program whose root command serves is a service', async () => {
    const tree = cliTree();
    delete tree['serve.go'];
    tree['main.go'] =
      `${String(tree['main.go'])}\nfunc serve() {\n\tls, _ := net.Listen("tcp", addr)\n\t_ = ls\n}\n`.replace(
        'recordCmd, themesCmd, publishCmd, serveCmd',
        'recordCmd, themesCmd, publishCmd',
      );
    expect((await profileOf(tree)).id).toBe('service');
  });
});
