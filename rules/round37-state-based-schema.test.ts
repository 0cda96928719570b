/**
 * Blind round 37: state-based schema management — an SSDT database project (*.sqlproj built to a
 * dacpac), an Atlas HCL schema, Skeema's table files — keeps the desired schema under version
 * control and lets the tool compute the changes: managed, not "unversioned SQL".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import migrations from './architecture/database-migrations.js';

const dotnet = {
  'Api/Api.csproj':
    '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.EntityFrameworkCore.SqlServer" Version="6.0.0" />\n  </ItemGroup>\n</Project>\n',
  'Api/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
};
const table =
  'CREATE TABLE [dbo].[Customer]\n(\n  [Id] UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,\n  [Name] NVARCHAR(100) NOT NULL\n)\n';

describe('round 37: state-based schema management', () => {
  it('an SSDT database project is managed schema', async () => {
    const r = await runRuleOn(
      migrations,
      {
        ...dotnet,
        'Api.Database/Api.Database.sqlproj':
          '<Project Sdk="Microsoft.Build.Sql/0.1.12-preview">\n  <PropertyGroup><Name>Api.Database</Name></PropertyGroup>\n</Project>\n',
        'Api.Database/dbo/Tables/Customer.sql': table,
        'Api.Database/Api.Database.refactorlog': '<?xml version="1.0"?>\n<Operations Version="1.0" />\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('state-based');
    expect(r.evidence[0]).toMatchObject({ path: 'Api.Database/Api.Database.sqlproj' });
  });

  it('an Atlas HCL schema is managed schema', async () => {
    const r = await runRuleOn(
      migrations,
      {
        ...dotnet,
        'db/schema.hcl':
          'schema "public" {}\n\ntable "customer" {\n  schema = schema.public\n  column "id" {\n    type = uuid\n  }\n}\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Atlas');
  });

  it('Skeema table files beside a .skeema are managed schema', async () => {
    const r = await runRuleOn(
      migrations,
      {
        ...dotnet,
        'schema/.skeema': '[production]\nhost=db.internal\nschema=shop\n',
        'schema/customer.sql': table,
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Skeema');
  });

  it('a loose schema script stays unversioned SQL', async () => {
    const r = await runRuleOn(migrations, { ...dotnet, 'sql/schema.sql': table }, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('not versioned');
  });
});
