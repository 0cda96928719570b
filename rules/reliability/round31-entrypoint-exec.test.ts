import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './graceful-shutdown.js';

/** Blind round 31: a framework's default drain does not run when a shell script without exec is PID 1. */
const csproj =
  '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n';
const dockerfile = (cmd: string) =>
  `FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY out/ .\nCOPY entrypoint.sh /usr/local/bin/entrypoint.sh\n${cmd}\n`;
const api = (script: string, cmd = 'CMD ["entrypoint.sh"]') => ({
  'api/Api.csproj': csproj,
  'api/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
  'api/Dockerfile': dockerfile(cmd),
  'api/entrypoint.sh': script,
});

ruleTester(rule, {
  valid: [
    {
      name: 'the entrypoint script execs the server: the ASP.NET host gets SIGTERM and drains',
      profile: 'service',
      tree: api('#!/bin/sh\nupdate-ca-certificates\nexec dotnet Api.dll\n'),
      expect: { outcome: 'pass', message: 'ASP.NET Core host stops Kestrel gracefully' },
    },
    {
      name: 'tini as the entrypoint forwards SIGTERM to the script and its child',
      profile: 'service',
      tree: api('#!/bin/sh\ndotnet Api.dll\n', 'ENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["entrypoint.sh"]'),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'CMD runs a sh script whose last line starts `dotnet Api.dll` without exec: fail, saying so (round 36: the default drain never runs)',
      profile: 'service',
      tree: api(
        '#!/bin/sh\ncp /https/localhost.crt /usr/local/share/ca-certificates/\nupdate-ca-certificates\ndotnet Api.dll\n',
      ),
      expect: {
        outcome: 'fail',
        message: 'entrypoint.sh (the container command, api/Dockerfile:5) starts `dotnet Api.dll` without exec',
        evidence: [{ path: 'api/entrypoint.sh', line: 4 }],
      },
    },
    {
      name: 'an ENTRYPOINT script that ends in "$@" without exec keeps SIGTERM from the CMD it runs',
      profile: 'service',
      tree: api('#!/bin/bash\nset -e\n./migrate\n"$@"\n', 'ENTRYPOINT ["/entrypoint.sh"]\nCMD ["dotnet", "Api.dll"]'),
      expect: { outcome: 'fail', message: 'without exec' },
    },
  ],
});
