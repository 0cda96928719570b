import { expect } from 'vitest';
import rule from './config-externalized.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const settingsRs =
  'use std::env;\n\npub fn load() -> Settings {\n    let path = env::var("FORUM_CONFIG_LOCATION").unwrap_or("config/config.hjson".into());\n    Settings::from_file(&path)\n}\n';
const defaultsHjson =
  '{\n  # settings related to the postgresql database\n  database: {\n    # URI of the postgres instance; also LEMMY_DATABASE_URL style env override\n    connection: "postgres://forum:password@localhost:5432/forum"\n    # Maximum number of active sql connections\n    pool_size: 30\n  }\n  # Address where the image server is available\n  pictrs_url: "http://localhost:8080/"\n  # the domain name of your instance (mandatory)\n  hostname: "unset"\n  # Port where the server should listen\n  port: 8536\n}\n';

ruleTester(rule, {
  valid: [
    {
      name: "a Flask app's central loader (from_prefixed_env, a loop over os.environ.items()) is cited before a CLI's shell defaults (USER, PYTHONSTARTUP)",
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\nclick==8.1.0\n',
        '.env.example': 'BOARD_SECRET_KEY=\nBOARD_DATABASE_URL=\nBOARD_MAIL_SERVER=\n',
        'board/cli/main.py':
          'import os\n\n\ndef shell():\n    startup = os.environ.get("PYTHONSTARTUP")\n    return startup\n',
        'board/cli/users.py':
          'import os\nimport click\n\n\n@click.option("--username", default=os.environ.get("USER", ""))\ndef create(username):\n    pass\n',
        'board/app.py':
          'from flask import Flask\n\nfrom board.utils.env import config_from_env\n\n\ndef create_app():\n    app = Flask(__name__)\n    app.config.from_prefixed_env("BOARD")\n    config_from_env(app)\n    return app\n',
        'board/utils/env.py':
          'import os\n\n\ndef config_from_env(app, prefix="BOARD_"):\n    for key, value in os.environ.items():\n        if key.startswith(prefix):\n            app.config[key[len(prefix):]] = value\n    return app\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'board/app.py', line: 8, note: 'loads the configuration from the environment' },
          { path: 'board/utils/env.py', line: 5, note: 'loads the configuration from the environment' },
        ],
        absent: ['board/cli/users.py'],
      },
    },
    {
      name: 'settings commented out in a compose environment block document them; uncommented ones do not (round 22)',
      profile: 'service',
      tree: {
        'package.json': '{"name": "budget-sync", "dependencies": {"express": "^4.19.0"}}',
        'src/config.js':
          'export default {\n  port: Number(process.env.BUDGET_PORT ?? 5006),\n  dataDir: process.env.BUDGET_DATA_DIR ?? "/data",\n};\n',
        'docker-compose.yml': [
          'services:',
          '  budget:',
          '    image: example/budget-sync:latest',
          '    environment:',
          '      # Uncomment any of the lines below to set configuration options.',
          '      # - BUDGET_PORT=5006',
          '      # - BUDGET_HTTPS_KEY=/data/selfhost.key',
          '      # - BUDGET_UPLOAD_LIMIT_MB=20',
          '    volumes:',
          '      # where the data lives',
          '      - ./data:/data',
          '  cache:',
          '    image: redis:7',
          '    environment:',
          '      - REDIS_A=1',
          '      - REDIS_B=2',
          '      - REDIS_C=3',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'docker-compose.yml',
            line: 4,
            note: 'compose file lists 3 optional settings commented out in its environment block: documented where an operator sets them',
          },
        ],
      },
    },
    {
      name: 'per-component env samples (kustomize config/app.env.sample) document the settings (round 22)',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0\n',
        'config/settings.py':
          'import os\n\nADMINS = os.environ.get("ADMINS", "")\nBASE_URL = os.environ.get("BASE_URL", "http://localhost/")\n',
        'deploy/kustomize/base/config/app.env.sample': 'ADMINS=Team,ops@example.org\nBASE_URL=http://localhost/\n',
        'deploy/kustomize/base/secrets/postgres.env.sample': 'POSTGRES_PASSWORD=change-me\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'deploy/kustomize/base/config/app.env.sample', note: 'documents the environment variables' },
        ],
      },
    },
    {
      name: "a sample compose file's environment block documents the settings; setting os.environ is a write, not a read (round 12)",
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0\n',
        'app/settings/default.py':
          'import os\n\nSECRET_KEY = os.getenv("SECRET_KEY", "")\nBASE_URL = os.getenv("BASE_URL")\n',
        'app/settings/development.py': 'import os\n\nos.environ["RUNSERVER_HIDE_WARNING"] = "true"\n',
        'docker-compose-sample.yaml': [
          'services:',
          '  db:',
          '    image: postgres:16',
          '    environment:',
          '      POSTGRES_USER: app',
          '      POSTGRES_PASSWORD: change-me',
          '      POSTGRES_DB: app',
          '  web:',
          '    image: example/app:2',
          '    environment:',
          '      SECRET_KEY: replace-me  # generate one with openssl rand -base64 50',
          '      BASE_URL: "http://localhost:8000"  # where users reach the app',
          '      DATABASE_URL: postgresql://app:change-me@db:5432/app  # match POSTGRES_PASSWORD',
          '      PORT: 8000',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'docker-compose-sample.yaml',
            line: 10,
            note: 'sample compose file sets 4 environment variables (3 with a comment): the settings a deployment needs',
          },
        ],
        absent: ['development.py'],
      },
    },
    {
      name: 'IConfiguration injected reads appsettings and the environment; a connection string fixed in appsettings.json is named (round 11)',
      profile: 'service',
      tree: {
        'src/Shop.WebHost/Shop.WebHost.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'src/Shop.WebHost/appsettings.json':
          '{\n  "ConnectionStrings": {\n    "DefaultConnection": "Server=.;Database=Shop;Trusted_Connection=True;MultipleActiveResultSets=true"\n  },\n  "Logging": { "LogLevel": { "Default": "Warning" } }\n}\n',
        'src/Modules/Shop.Catalog/BrandController.cs':
          'public class BrandController : Controller\n{\n    public BrandController(\n        IConfiguration config,\n        IRepository<Brand> brands)\n    {\n    }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: [
          'configuration read through IConfiguration/IOptions',
          'src/Shop.WebHost/appsettings.json:3: connection string DefaultConnection hard-coded in appsettings.json',
        ],
        evidence: [
          {
            path: 'src/Modules/Shop.Catalog/BrandController.cs',
            line: 4,
            note: 'reads configuration through IConfiguration/IOptions (appsettings*.json, overridden by environment variables)',
          },
          {
            path: 'src/Shop.WebHost/appsettings.json',
            line: 3,
            note: expect.stringContaining('connection string DefaultConnection hard-coded'),
          },
        ],
        absent: ['from the environment"'],
      },
    },
    {
      name: 'IOptions<T> bound from a configuration section is a configuration read',
      profile: 'service',
      tree: {
        'src/Shop/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.Configure<JwtIssuerOptions>(builder.Configuration.GetSection("Jwt"));\n',
        'src/Shop/Security/JwtTokenGenerator.cs':
          'public class JwtTokenGenerator(IOptions<JwtIssuerOptions> jwtOptions) : IJwtTokenGenerator\n{\n}\n',
        'src/Shop/appsettings.json': '{ "Jwt": { "Issuer": "shop" } }\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'src/Shop/Security/JwtTokenGenerator.cs',
            line: 1,
            note: 'reads configuration through IConfiguration/IOptions (appsettings*.json, overridden by environment variables)',
          },
        ],
      },
    },
    {
      name: 'a convict schema with doc and env per setting documents the settings where they are declared (round 8)',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"convict":"6.2.4","express":"4"}}',
        'src/config/index.ts':
          "import convict from 'convict';\n\nconst config = convict({\n  env: {\n    doc: 'The application environment.',\n    format: ['production', 'development'],\n    default: 'development',\n    env: 'NODE_ENV',\n  },\n  mongo: {\n    url: {\n      doc: 'The Mongo connection URL',\n      format: String,\n      env: 'MONGO_URL',\n      default: 'mongodb://localhost:27017/dev',\n    },\n  },\n  port: {\n    doc: 'The port the HTTP server listens on',\n    format: Number,\n    env: 'PORT',\n    default: 5000,\n  },\n});\n\nexport default config;\n",
        'src/server.ts': "const port = process.env.PORT || '3000';\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'src/config/index.ts',
            line: 5,
            note: 'a settings schema documents each setting where it is declared (doc/desc)',
          },
        ],
      },
    },
    {
      name: 'a commented defaults file (config/defaults.hjson) documents the settings',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "forum"\n',
        'crates/utils/src/settings.rs': settingsRs,
        'config/defaults.hjson': defaultsHjson,
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'crates/utils/src/settings.rs', line: 4 },
          {
            path: 'config/defaults.hjson',
            line: 3,
            note: 'commented default configuration: 6 of 6 settings documented',
          },
        ],
      },
    },
    {
      name: 'Rails: config/config.yml whose header says it holds the defaults (override in local.yml) documents the settings',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
        'config/initializers/app_config.rb':
          "AppConfig = YAML.load_file(Rails.root.join('config/config.yml'))\nAppConfig['MAIL_HOST'] = ENV['MAIL_HOST'] if ENV['MAIL_HOST']\n",
        'config/config.yml': [
          '# Defaults: do not edit. Create config/local.yml and',
          '# copy any sections you want to change into it.',
          '',
          '# Name shown in page titles and mails',
          "APP_NAME: 'Archive'",
          '# Host that links in mails point to',
          "MAIL_HOST: 'archive.example.org'",
          '# Items per page in listings',
          'ITEMS_PER_PAGE: 20',
          '# Hours a download link stays valid',
          'DOWNLOAD_LINK_HOURS: 24',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'config/config.yml', line: 5, note: 'commented default configuration: 4 of 4 settings documented' },
        ],
      },
    },
    {
      name: "Symfony: %env(…)% placeholders in app/config are the app's environment reads",
      profile: 'service',
      tree: {
        'composer.json': '{"require": {"symfony/framework-bundle": "^6.4"}}',
        'app/config/config.yml':
          'framework:\n    secret: "%env(SECRET)%"\ndoctrine:\n    dbal:\n        port: "%env(int:DATABASE_PORT)%"\n',
        'src/Controller/Home.php': '<?php\nclass Home {}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'app/config/config.yml', line: 2, note: 'configuration resolved from the environment' }],
      },
    },
    {
      name: 'pydantic BaseSettings among several bases is the settings read, cited before a subprocess handed os.environ',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "wallet"\ndependencies = ["fastapi", "pydantic"]\n',
        'wallet/settings.py':
          'from pydantic import BaseModel, BaseSettings\n\nclass EditableSettings(BaseModel):\n    site_title: str = "Wallet"\n\nclass Settings(EditableSettings, BaseSettings):\n    host: str = "127.0.0.1"\n',
        'wallet/admin.py': 'subprocess.run(command, shell=True, env={**os.environ, "PGPASSWORD": pw})\n',
        '.env.example': 'HOST=127.0.0.1\nSITE_TITLE=Wallet\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'wallet/settings.py', line: 6 }, { path: '.env.example' }],
        absent: ['PGPASSWORD'],
      },
    },
    {
      name: 'a Go service reading os.Environ() whose man page documents the variables passes',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/feeds\n\ngo 1.22\n',
        'internal/config/parser.go':
          'package config\n\nfunc (p *parser) ParseEnvironmentVariables() error {\n\treturn p.parseLines(os.Environ())\n}\n',
        'feeds.1':
          '.TH FEEDS 1\n.SH NAME\nfeeds\n.SH ENVIRONMENT\n.TP\n.B DATABASE_URL\nPostgreSQL connection parameters.\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'internal/config/parser.go', line: 4 },
          { path: 'feeds.1', line: 4, note: 'man page ENVIRONMENT section documents the variables' },
        ],
      },
    },
    {
      name: 'a docs page listing the settings in a table documents them',
      profile: 'service',
      tree: {
        'src/server.ts': 'const port = Number(process.env.PORT ?? 3000);\n',
        'docs/deploy.md':
          '# Deploying\n\n| Variable | Meaning |\n|---|---|\n| `DATABASE_URL` | Postgres |\n| `REDIS_URL` | cache |\n| `SMTP_HOST` | mail |\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'docs/deploy.md', line: 5 }] },
    },
    {
      name: 'a README flag table naming each environment variable in its second column is cited at its heading, not at a scrape-config heading above it (round 19)',
      profile: 'service',
      tree: {
        'main.go':
          'package main\n\nimport "os"\n\nfunc getEnv(key, def string) string {\n\tif v, ok := os.LookupEnv(key); ok {\n\t\treturn v\n\t}\n\treturn def\n}\n',
        'README.md':
          '# cache_exporter\n\n### Basic Prometheus Configuration\n\nAdd a block to `scrape_configs`:\n\n```yaml\nscrape_configs:\n  - job_name: cache\n```\n\n### Command line flags\n\n| Name | Environment Variable Name | Description |\n|------|---------------------------|-------------|\n| cache.addr | CACHE_ADDR | Address of the instance |\n| cache.user | CACHE_USER | User name |\n| cache.password | CACHE_PASSWORD | Password |\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'README.md',
            line: 12,
            note: 'documents the environment variables (a table of settings under this heading)',
          },
        ],
        absent: ['Basic Prometheus Configuration'],
      },
    },
    {
      name: 'a FastAPI service with pydantic-settings and .env.example passes',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi\npydantic-settings\n',
        'app/config.py':
          'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    database_url: str\n',
        '.env.example': 'DATABASE_URL=postgresql://user:password@localhost/app\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/config.py', line: 3 }, { path: '.env.example' }] },
    },
    {
      name: 'a Spring app with ${} placeholders and @Value passes',
      profile: 'service',
      tree: {
        'src/main/resources/application.yml':
          'spring:\n  datasource:\n    url: ${DB_URL}\n    password: ${DB_PASSWORD}\n',
        'src/main/java/shop/Cfg.java': 'class Cfg {\n  @Value("${shop.name}") String name;\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/main/resources/application.yml', line: 3 },
          { path: 'src/main/java/shop/Cfg.java', line: 2 },
        ],
      },
    },
    {
      name: 'Spring placeholders with defaults are environment reads (petclinic style)',
      profile: 'service',
      tree: {
        'src/main/resources/application-postgres.properties':
          'spring.datasource.url=${POSTGRES_URL:jdbc:postgresql://localhost/petclinic}\nspring.datasource.password=${POSTGRES_PASS:petclinic}\n',
        'src/main/java/org/springframework/samples/petclinic/App.java': 'class App {}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'src/main/resources/application-postgres.properties', line: 1 }],
        data: { findings: 0 },
      },
    },
    {
      name: 'placeholders whose default holds braces or another placeholder are environment reads',
      profile: 'service',
      tree: {
        'src/main/resources/application-json.properties': 'spring.application.json=${APP_JSON:{"mode":"local"}}\n',
        'src/main/resources/application-nested.properties':
          'spring.datasource.url=${DB_URL:jdbc:postgresql://${DB_HOST:localhost}/petclinic}\n',
        'src/main/java/shop/App.java': 'class App {}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/main/resources/application-json.properties', line: 1 },
          { path: 'src/main/resources/application-nested.properties', line: 1 },
        ],
      },
    },
    {
      name: 'a Rust service reading clap arguments from the environment passes',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "api"\n\n[dependencies]\naxum = "0.7"\nclap = "4"\n',
        'src/config.rs':
          '#[derive(clap::Parser)]\npub struct Config {\n    #[clap(long, env)]\n    pub database_url: String,\n}\n',
        '.env.sample': 'DATABASE_URL=\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/config.rs', line: 3 }, { path: '.env.sample' }] },
    },
    {
      name: 'local development defaults are not findings',
      profile: 'service',
      tree: {
        'cmd/api/main.go':
          'package main\n\nvar dsn = getEnv("DSN", "postgres://app:s3cr3tpw@localhost:5432/app")\nvar url = os.Getenv("DATABASE_URL")\n',
        'docker-compose.yml': 'services:\n  api:\n    environment:\n      DSN: postgres://app:s3cr3tpw@db:5432/app\n',
        'README.md': '# api\n\n## Configuration\n\nSet DATABASE_URL.\n',
      },
      expect: { outcome: 'pass', data: { findings: 0 } },
    },
    {
      name: 'Go: the app.env that viper loads (SetConfigName + SetConfigType("env")) lists every setting, as .env.example does (round 14)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/ledger\n\ngo 1.22\n\nrequire github.com/spf13/viper v1.18.2\n',
        'util/config.go': [
          'package util',
          '',
          'import "github.com/spf13/viper"',
          '',
          'type Config struct {',
          '\tDBSource string `mapstructure:"DB_SOURCE"`',
          '}',
          '',
          'func LoadConfig(path string) (config Config, err error) {',
          '\tviper.AddConfigPath(path)',
          '\tviper.SetConfigName("app")',
          '\tviper.SetConfigType("env")',
          '\tviper.AutomaticEnv()',
          '\terr = viper.ReadInConfig()',
          '\tif err != nil {',
          '\t\treturn',
          '\t}',
          '\terr = viper.Unmarshal(&config)',
          '\treturn',
          '}',
          '',
        ].join('\n'),
        'app.env':
          'ENVIRONMENT=development\nDB_SOURCE=postgresql://ledger:ledger@localhost:5432/ledger?sslmode=disable\nHTTP_SERVER_ADDRESS=0.0.0.0:8080\nTOKEN_DURATION=15m\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'util/config.go', line: 13, note: 'loads the configuration from the environment' },
          {
            path: 'app.env',
            line: 1,
            note: 'settings file the application loads (util/config.go:11) lists 4 settings',
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'Go: viper loading a settings file that is not committed documents nothing',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/ledger\n\ngo 1.22\n\nrequire github.com/spf13/viper v1.18.2\n',
        'util/config.go': [
          'package util',
          '',
          'import "github.com/spf13/viper"',
          '',
          'type Config struct {',
          '\tDBSource string `mapstructure:"DB_SOURCE"`',
          '}',
          '',
          'func LoadConfig(path string) (config Config, err error) {',
          '\tviper.AddConfigPath(path)',
          '\tviper.SetConfigName("app")',
          '\tviper.SetConfigType("env")',
          '\tviper.AutomaticEnv()',
          '\terr = viper.ReadInConfig()',
          '\tif err != nil {',
          '\t\treturn',
          '\t}',
          '\terr = viper.Unmarshal(&config)',
          '\treturn',
          '}',
          '',
        ].join('\n'),
        'config.env': 'ENVIRONMENT=development\nDB_SOURCE=x\nHTTP_SERVER_ADDRESS=0.0.0.0:8080\n',
      },
      expect: { outcome: 'partial', absent: ['lists 3 settings'] },
    },
    {
      name: 'IOptions<T> filled from code constants is no configuration read (options configured in code, never bound)',
      profile: 'service',
      tree: {
        'src/Shop/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddJwt();\n',
        'src/Shop/ServicesExtensions.cs':
          'public static class ServicesExtensions\n{\n    public static void AddJwt(this IServiceCollection services)\n    {\n        services.Configure<JwtIssuerOptions>(options =>\n        {\n            options.Issuer = "issuer";\n            options.Audience = "audience";\n        });\n    }\n}\n',
        'src/Shop/Security/JwtTokenGenerator.cs':
          'public class JwtTokenGenerator(IOptions<JwtIssuerOptions> jwtOptions) : IJwtTokenGenerator\n{\n}\n',
      },
      expect: { outcome: 'fail', data: { envReads: 0 }, evidence: [{ path: '.' }] },
    },
    {
      name: 'env reads that are commented out are no evidence (C#, Java, Go, JS/TS, Python, Ruby, PHP line and block comments)',
      profile: 'service',
      tree: {
        'src/Shop/Program.cs':
          '// read the provider from the environment\n//Environment.GetEnvironmentVariable(DB_PROVIDER)\n/* var cs = Environment.GetEnvironmentVariable("DB"); */\nvar connectionString = "Filename=shop.db";\n',
        'src/main/java/x/App.java':
          'class App {\n  // String url = System.getenv("DB_URL");\n  /*\n   * System.getenv("PORT")\n   */\n}\n',
        'cmd/app/main.go': 'package main\n\n// port := os.Getenv("PORT")\n/* os.Getenv("DB") */\nfunc main() {}\n',
        'web/server.ts':
          '// const port = process.env.PORT;\n/* const db = process.env.DB_URL; */\nexport const port = 3000;\n',
        'app/settings.py': '# DEBUG = os.environ.get("DEBUG")\n"""\nDB = os.getenv("DB_URL")\n"""\nDEBUG = False\n',
        'lib/boot.rb': '# port = ENV["PORT"]\n=begin\nENV.fetch("DB_URL")\n=end\nPORT = 3000\n',
        'src/boot.php':
          '<?php\n// $db = getenv("DB_URL");\n# $p = $_ENV["PORT"];\n/* env("APP_KEY") */\n$port = 8080;\n',
      },
      expect: { outcome: 'fail', data: { envReads: 0 }, evidence: [{ path: '.' }] },
    },
    {
      name: 'a convict schema without doc strings does not document the settings: partial (round 8 counterpart)',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"convict":"6.2.4","express":"4"}}',
        'src/config/index.ts':
          "import convict from 'convict';\n\nconst config = convict({\n  port: {\n    format: Number,\n    env: 'PORT',\n    default: 5000,\n  },\n  dbUrl: {\n    format: String,\n    env: 'DB_URL',\n    default: '',\n  },\n});\n",
        'src/server.ts': "const port = process.env.PORT || '3000';\n",
      },
      expect: {
        outcome: 'partial',
        message: 'no .env.example, commented default configuration or other documentation',
      },
    },
    {
      name: 'a compose file that sets its variables uncommented documents nothing: partial (round 22 counterpart)',
      profile: 'service',
      tree: {
        'package.json': '{"name": "budget-sync", "dependencies": {"express": "^4.19.0"}}',
        'src/config.js': 'export default { port: Number(process.env.BUDGET_PORT ?? 5006) };\n',
        'docker-compose.yml':
          'services:\n  budget:\n    image: example/budget-sync:latest\n    environment:\n      # the port\n      - BUDGET_PORT=5006\n      - BUDGET_DATA_DIR=/data\n      - BUDGET_UPLOAD_LIMIT_MB=20\n',
      },
      expect: {
        outcome: 'partial',
        message: 'no .env.example, commented default configuration or other documentation of the settings',
        evidence: [{ path: 'src/config.js', line: 1 }],
        absent: ['docker-compose.yml'],
      },
    },
    {
      name: 'a sample config without a comment per setting documents nothing: partial, saying what is missing',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "forum"\n',
        'crates/utils/src/settings.rs': settingsRs,
        'config/config.sample.yaml':
          'database:\n  url: postgres://localhost/forum\n  pool: 30\nport: 8536\nhostname: unset\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message: 'no .env.example, commented default configuration or other documentation of the settings',
        evidence: [{ path: 'crates/utils/src/settings.rs', line: 4 }],
      },
    },
    {
      name: 'Symfony: %env(…)% written in a how-to page is no read by the app',
      profile: 'service',
      tree: {
        'composer.json': '{"require": {"symfony/framework-bundle": "^6.4"}}',
        'docs/config.md': '# Notes\n\nUse `"%env(SECRET)%"` in your own config.\n',
        'app/config/config.yml': 'framework:\n    secret: ThisTokenIsNotSoSecret\n',
        'src/Controller/Home.php': '<?php\nclass Home {}\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'handing os.environ to a child process is no configuration read',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "wallet"\ndependencies = ["fastapi"]\n',
        'wallet/admin.py': 'subprocess.run(command, shell=True, env={**os.environ, "PGPASSWORD": pw})\n',
        'wallet/app.py': 'DATABASE = "sqlite:///wallet.db"\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a hard-coded production connection string is a finding with a redacted snippet',
      profile: 'service',
      tree: {
        'src/db.js':
          "const url = process.env.DB_URL;\nconst fallback = 'postgres://orders:Xk29vLq8ZpR4@orders-db.prod.acme-corp.net:5432/orders';\n",
        '.env.example': 'DB_URL=\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        evidence: [{ path: 'src/db.js', line: 2, note: 'hard-coded credentials for orders-db.prod.acme-corp.net' }],
        absent: ['Xk29vLq8ZpR4'],
      },
    },
    {
      name: 'an empty Spring password, or one for an in-memory database, is no finding; a real literal is',
      profile: 'service',
      tree: {
        'src/main/resources/application.properties':
          'spring.profiles.active=${APP_PROFILE:memdb}\nspring.datasource.url=${DB_URL:jdbc:postgresql://localhost/clinic}\n',
        'src/main/resources/application-memdb.properties':
          '# in-memory profile\nspring.datasource.url=jdbc:hsqldb:mem:clinic\nspring.datasource.username=sa\nspring.datasource.password=\nspring.jpa.hibernate.ddl-auto=none\n',
        'src/main/resources/application-h2.properties':
          'spring.datasource.url=jdbc:h2:mem:clinic\nspring.datasource.password=SaSecret77\n',
        'src/main/resources/application-empty.properties':
          'spring.datasource.password=\nspring.jpa.open-in-view=false\n',
        'src/main/resources/application-prod.properties':
          'spring.datasource.url=jdbc:postgresql://db.clinic.example.org/clinic\nspring.datasource.password=Vq83kLzz0P\n',
        'src/main/java/org/clinic/App.java': 'class App {}\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'src/main/resources/application-prod.properties', line: 2, note: 'hard-coded database password' },
        ],
        message: '1 hard-coded host credential(s) or password(s)',
        absent: ['Vq83kLzz0P', 'jpa.hibernate', 'jpa.open-in-view'],
      },
    },
    {
      name: 'a literal password in appsettings.json is a finding and caps the score',
      profile: 'service',
      tree: {
        'Shop/appsettings.json':
          '{\n  "ConnectionStrings": {\n    "Default": "Server=sql.shop.io;Database=shop;User Id=shop;Password=Hunter2Hunter2;"\n  }\n}\n',
        'Shop/Program.cs': 'var app = builder.Build();\n',
      },
      expect: {
        outcome: 'partial',
        message: 'first: hard-coded database password at Shop/appsettings.json:3',
        evidence: [{ path: 'Shop/appsettings.json', line: 3, note: 'hard-coded database password' }],
        absent: ['Hunter2Hunter2'],
      },
    },
    {
      name: 'a connection string to the developer machine or with a demo password is no finding (connectionSecret)',
      profile: 'service',
      tree: {
        'Shop/appsettings.json':
          '{\n  "ConnectionStrings": {\n    "Default": "Server=localhost;Database=shop;User Id=shop;Password=Hunter2Hunter2;",\n    "Reports": "Server=sql.shop.io;Database=rep;User Id=sa;Password=mysql123;"\n  }\n}\n',
        'Shop/Program.cs': 'var app = builder.Build();\n',
      },
      expect: { outcome: 'partial', absent: ['hard-coded database password', 'Hunter2Hunter2'] },
    },
    {
      name: 'environment reads without documentation are partial',
      profile: 'service',
      tree: {
        'src/server.ts': 'const port = Number(process.env.PORT ?? 3000);\n',
        // Two variables named in passing are not a list of the settings.
        'docs/notes.md': '# Notes\n\n- `NODE_ENV`: set by the platform\n- `CI_COMMIT`: ignored\n',
      },
      expect: { outcome: 'partial', score: 0.6, message: 'no .env.example' },
    },
    {
      name: 'a Rails app with no environment use fails',
      profile: 'service',
      tree: { 'app/models/user.rb': 'class User; end\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a CLI is not applicable',
      profile: 'cli',
      tree: { 'main.go': 'package main\n' },
      expect: { outcome: 'not-applicable', message: 'cli' },
    },
  ],
});
