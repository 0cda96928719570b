import rule from './graceful-shutdown.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'each Node HTTP server app handles SIGTERM: pass',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['apps/*'] }),
        'apps/api/src/main.ts':
          "import express from 'express';\nconst app = express();\nconst server = app.listen(3000);\nprocess.on('SIGTERM', () => server.close());\n",
        'apps/jobs/src/main.ts':
          "import express from 'express';\nconst app = express();\nconst server = app.listen(3001);\nprocess.on('SIGTERM', () => server.close());\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'apps/api/src/main.ts', line: 4 }] },
    },
    {
      name: ".NET: the web host's default drain is the evidence, not a migration worker that calls StopApplication",
      profile: 'service',
      tree: {
        'src/WebApi/WebApi.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'src/WebApi/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
        'tools/Migrator/Migrator.csproj': '<Project Sdk="Microsoft.NET.Sdk.Worker"></Project>\n',
        'tools/Migrator/Worker.cs':
          'public class Worker(\n    IServiceProvider services,\n    IHostApplicationLifetime lifetime) : BackgroundService\n{\n    protected override async Task ExecuteAsync(CancellationToken ct)\n    {\n        await Migrate(ct);\n        lifetime.StopApplication();\n    }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'the ASP.NET Core host stops Kestrel gracefully',
        evidence: [{ path: 'src/WebApi/WebApi.csproj', line: 1 }],
        absent: ['tools/Migrator/Worker.cs'],
      },
    },
    {
      name: "ASP.NET Core's default drain is cited at the Web SDK host project, not at a diagnostics package of a class library",
      profile: 'service',
      tree: {
        'src/Infrastructure/Infrastructure.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.AspNetCore.Diagnostics.EntityFrameworkCore" Version="9.0.0" />\n  </ItemGroup>\n</Project>\n',
        'src/Web/Web.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net9.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n',
        'src/Web/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.Run();\n',
      },
      expect: {
        outcome: 'pass',
        message: 'the ASP.NET Core host stops Kestrel gracefully on SIGTERM',
        evidence: [{ path: 'src/Web/Web.csproj', line: 1 }],
        absent: ['Infrastructure.csproj'],
      },
    },
    {
      name: 'the same Shutdown call behind a SIGTERM signal.Notify passes',
      profile: 'service',
      tree: {
        'go.mod': 'module lists\n',
        'cmd/main.go':
          'package main\n\nfunc main() {\n\tsrv := initHTTPServer()\n\tsignal.Notify(stop, os.Interrupt, syscall.SIGTERM)\n\t<-stop\n\tsrv.Shutdown(ctx)\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'cmd/main.go', line: 5 }] },
    },
    {
      name: 'Django under uWSGI with die-on-term shuts down on SIGTERM instead of reloading',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\nuwsgi==2.0.28\n',
        'uwsgi.ini': '[uwsgi]\nmodule = shelf.wsgi:application\nprocesses = 2\ndie-on-term = true\n',
        'shelf/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'uwsgi.ini', line: 4 }] },
    },
    {
      name: 'Django under gunicorn (Procfile) drains on SIGTERM by default',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\ngunicorn==22.0\n',
        Procfile: 'web: gunicorn shop.wsgi --workers 3\n',
        'shop/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
      },
      expect: {
        outcome: 'pass',
        message: 'gunicorn lets workers finish their requests on SIGTERM',
        evidence: [{ path: 'Procfile', line: 1, snippet: 'web: gunicorn shop.wsgi --workers 3' }],
      },
    },
    {
      name: 'gunicorn started with exec from the container start script drains',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\ngunicorn==22.0\n',
        'docker/start.sh':
          '#!/bin/sh\npython manage.py migrate --noinput\nexec gunicorn shelf.wsgi --bind 0.0.0.0:8000\n',
        'docker/Dockerfile': 'FROM python:3.12-slim\nCOPY docker/start.sh /app/start.sh\nCMD ["/app/start.sh"]\n',
        'shelf/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'docker/start.sh', line: 3 }] },
    },
    {
      name: 'Spring Boot 3.4+ shuts down gracefully by default',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>3.5.0</version>\n  </parent>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/java/shop/App.java': 'class App {}\n',
      },
      expect: { outcome: 'pass', message: 'Spring Boot 3.5.0', evidence: [{ path: 'pom.xml', line: 5 }] },
    },
    {
      name: 'Spring Boot 4 from the imported BOM, its version a pom property, drains by default',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <properties>\n    <spring-boot.version>4.1.0</spring-boot.version>\n  </properties>\n  <dependencyManagement>\n    <dependencies>\n      <dependency>\n        <groupId>org.springframework.boot</groupId>\n        <artifactId>spring-boot-dependencies</artifactId>\n        <version>${spring-boot.version}</version>\n        <type>pom</type>\n        <scope>import</scope>\n      </dependency>\n    </dependencies>\n  </dependencyManagement>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/java/shop/App.java': 'class App {}\n',
      },
      expect: { outcome: 'pass', message: 'Spring Boot 4.1.0', evidence: [{ path: 'pom.xml', line: 3 }] },
    },
    {
      name: 'Spring Boot 3.4+ set to server.shutdown=immediate does not drain',
      profile: 'service',
      tree: {
        'gradle.properties': 'springBootVersion=3.4.2\n',
        'build.gradle':
          "plugins {\n  id 'org.springframework.boot' version \"${springBootVersion}\"\n}\ndependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-web'\n}\n",
        'src/main/resources/application.yml': 'server:\n  port: 8080\n  shutdown: immediate\n',
        'src/main/java/shop/App.java': 'class App {}\n',
      },
      expect: { outcome: 'fail', message: 'server.shutdown=immediate' },
    },
    {
      name: 'Node: process.on("SIGTERM") passes',
      profile: 'service',
      tree: { 'src/server.ts': "const server = app.listen(3000);\nprocess.on('SIGTERM', () => server.close());\n" },
      expect: { outcome: 'pass', evidence: [{ path: 'src/server.ts', line: 2 }] },
    },
    {
      name: 'Go: signal.NotifyContext with SIGTERM and Shutdown passes',
      profile: 'service',
      tree: {
        'cmd/api/main.go':
          'package main\n\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)\n\tdefer stop()\n\t<-ctx.Done()\n\tsrv.Shutdown(shutdownCtx)\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'cmd/api/main.go', line: 4 }] },
    },
    {
      name: 'Spring: server.shutdown=graceful passes',
      profile: 'service',
      tree: { 'src/main/resources/application.properties': 'server.port=8080\nserver.shutdown=graceful\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main/resources/application.properties', line: 2 }] },
    },
    {
      name: "PHP on Apache: the image's STOPSIGNAL SIGWINCH is httpd's graceful stop (in-flight requests finish)",
      profile: 'service',
      tree: {
        'composer.json': '{\n  "require": {\n    "symfony/framework-bundle": "^7.0"\n  }\n}\n',
        'public/index.php': "<?php\nrequire dirname(__DIR__).'/vendor/autoload_runtime.php';\n",
        Dockerfile:
          'FROM php:8.3-apache\nCOPY . /var/www/html\nCMD ["apache2-foreground"]\n\n# Apache graceful stop\nSTOPSIGNAL SIGWINCH\nEXPOSE 80\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'Dockerfile',
            line: 6,
            note: "the container's stop signal is Apache httpd's graceful stop: in-flight requests finish",
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a gunicorn CMD quoted in Dockerfile.md (prose about the image) is not the server the image runs',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\n',
        'app.py':
          'from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0")\n',
        Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "app.py"]\n',
        'Dockerfile.md': '# Serving\n\nIn production use:\n\nCMD ["gunicorn", "-w", "4", "app:app"]\n',
      },
      expect: { outcome: 'fail', absent: ['Dockerfile.md'] },
    },
    {
      name: 'STOPSIGNAL SIGWINCH in an nginx image is not a graceful stop (nginx only retires its workers on it)',
      profile: 'service',
      tree: {
        'composer.json': '{\n  "require": {\n    "symfony/framework-bundle": "^7.0"\n  }\n}\n',
        'public/index.php': "<?php\nrequire dirname(__DIR__).'/vendor/autoload_runtime.php';\n",
        Dockerfile: 'FROM nginx:1.27\nCOPY public /usr/share/nginx/html\nSTOPSIGNAL SIGWINCH\n',
      },
      expect: { outcome: 'fail', absent: ["container's stop signal"] },
    },
    {
      name: 'shutdown hooks in the worker app only: the HTTP backend app drains nothing',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['apps/*'] }),
        'apps/backend/package.json': JSON.stringify({ name: 'backend', dependencies: { '@nestjs/core': '^10.0.0' } }),
        'apps/backend/src/main.ts':
          "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function start() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nstart();\n",
        'apps/worker/package.json': JSON.stringify({ name: 'worker', dependencies: { '@nestjs/core': '^10.0.0' } }),
        'apps/worker/src/main.ts':
          "import { NestFactory } from '@nestjs/core';\nimport { WorkerModule } from './worker.module';\n\nasync function start() {\n  const app = await NestFactory.create(WorkerModule);\n  app.enableShutdownHooks();\n  await app.listen(3001);\n}\nstart();\n",
      },
      expect: {
        outcome: 'partial',
        message: 'not in the HTTP server apps/backend/src/main.ts',
        evidence: [
          { path: 'apps/worker/src/main.ts', line: 6 },
          { path: 'apps/backend/src/main.ts', line: 6, note: 'HTTP server with no shutdown handling in its app' },
        ],
      },
    },
    {
      name: 'a container start script runs gunicorn without exec: the shell keeps SIGTERM, no drain',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\ngunicorn==22.0\n',
        'docker/start.sh':
          '#!/bin/sh\npython manage.py migrate --noinput\n\ngunicorn \\\n    shelf.wsgi:application \\\n    --bind 0.0.0.0:8000\n',
        'docker/Dockerfile': 'FROM python:3.12-slim\nCOPY docker/start.sh /app/start.sh\nCMD ["/app/start.sh"]\n',
        'shelf/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
      },
      expect: {
        outcome: 'fail',
        message: 'start.sh (the container command, docker/Dockerfile:3) starts gunicorn without exec',
        evidence: [{ path: 'docker/start.sh', line: 4 }],
      },
    },
    {
      name: 'Rails served by Unicorn in production: a Puma that is only declared does not make SIGTERM drain',
      profile: 'service',
      tree: {
        Gemfile:
          "source 'https://rubygems.org'\ngem 'rails'\n\n# Use unicorn as the web server\ngem 'unicorn', require: false\n# Install puma so we can migrate to it\ngem 'puma'\n",
        'config/unicorn.rb': 'worker_processes 4\ntimeout 60\n',
        'app/controllers/home_controller.rb': 'class HomeController < ApplicationController\n  def index; end\nend\n',
      },
      expect: {
        outcome: 'fail',
        message: 'Unicorn stops at once on SIGTERM',
        evidence: [{ path: 'Gemfile', line: 5 }],
        absent: ['Puma traps SIGTERM'],
      },
    },
    {
      name: 'a Go server Shutdown reached only from SIGHUP (reload) is a step, not SIGTERM handling',
      profile: 'service',
      tree: {
        'go.mod': 'module lists\n',
        'cmd/main.go':
          'package main\n\nfunc main() {\n\tsrv := initHTTPServer()\n\tsignal.Notify(chReload, syscall.SIGHUP)\n\t<-chReload\n\tsrv.Shutdown(ctx)\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        evidence: [{ path: 'cmd/main.go', line: 7, note: 'a shutdown step, not reached from a SIGTERM handler' }],
      },
    },
    {
      name: 'a Go SIGTERM handler that closes the database (in a function it calls) and calls os.Exit drains nothing',
      profile: 'service',
      tree: {
        'go.mod': 'module blog\n',
        'app.go':
          'package main\n\nfunc Serve(app *App) {\n\tc := make(chan os.Signal, 2)\n\tsignal.Notify(c, os.Interrupt, syscall.SIGTERM)\n\tgo func() {\n\t\t<-c\n\t\tlog.Info("Shutting down...")\n\t\tshutdown(app)\n\t\tos.Exit(0)\n\t}()\n\thttp.ListenAndServe(":8080", nil)\n}\n\nfunc init() {}\n\nfunc shutdown(app *App) {\n\tlog.Info("Closing database connection...")\n\tapp.db.Close()\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: 'exits (os.Exit) without closing the server',
        evidence: [{ path: 'app.go', line: 5, note: 'SIGTERM handler: exits without draining' }],
      },
    },
    {
      name: 'a Go SIGTERM handler that shuts the HTTP server down before os.Exit is graceful',
      profile: 'service',
      tree: {
        'go.mod': 'module blog\n',
        'app.go':
          'package main\n\nfunc Serve(app *App) {\n\tc := make(chan os.Signal, 2)\n\tsignal.Notify(c, os.Interrupt, syscall.SIGTERM)\n\tgo func() {\n\t\t<-c\n\t\tlog.Info("Shutting down...")\n\t\tsrv.Shutdown(ctx)\n\t\tos.Exit(0)\n\t}()\n\thttp.ListenAndServe(":8080", nil)\n}\n\nfunc init() {}\n\nfunc shutdown(app *App) {\n\tlog.Info("Closing database connection...")\n\tapp.db.Close()\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app.go', line: 5 }], absent: ['without draining'] },
    },
    {
      name: 'a Go server drained only on os.Interrupt (SIGINT) is not SIGTERM handling',
      profile: 'service',
      tree: {
        'go.mod': 'module boards\n',
        'cmd/web.go':
          'package cmd\n\nfunc serve() {\n\tquit := make(chan os.Signal, 1)\n\tsignal.Notify(quit, os.Interrupt)\n\t<-quit\n\tapp.Shutdown(ctx)\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        evidence: [
          {
            path: 'cmd/web.go',
            line: 5,
            note: 'handles SIGINT (Ctrl-C) only: docker stop and Kubernetes send SIGTERM',
          },
        ],
      },
    },
    {
      name: 'a @PreDestroy that disposes a cache is cleanup, not draining',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n',
        'src/main/java/acme/CacheCleanup.java':
          'class CacheCleanup {\n  @PreDestroy\n  void stop() { subscription.dispose(); }\n}\n',
      },
      expect: { outcome: 'partial', score: 0.3, message: 'no SIGTERM handler' },
    },
    {
      name: 'Django under uWSGI without die-on-term (SIGTERM reloads) has no shutdown handling',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\nuwsgi==2.0.28\n',
        'uwsgi.ini': '[uwsgi]\nmodule = shelf.wsgi:application\nprocesses = 2\ndie-on-term = false\n',
        'shelf/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Spring Boot before 3.4 shuts down immediately unless configured: the evidence says so',
      profile: 'service',
      tree: {
        'build.gradle':
          "plugins {\n  id 'org.springframework.boot' version '3.2.5'\n}\ndependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-web'\n}\n",
        'src/main/java/shop/App.java': 'class App {}\n',
        // An install guide's manifest for the database is not how this service stops.
        'docs/install/k8s/40-sts-postgresql.yaml':
          'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      terminationGracePeriodSeconds: 30\n      containers:\n        - name: db\n',
      },
      expect: {
        outcome: 'fail',
        message: 'shuts down immediately unless server.shutdown=graceful',
        evidence: [{ path: 'build.gradle', line: 2 }],
      },
    },
    {
      name: "terminationGracePeriodSeconds written at Kubernetes' default (30) gives no time of its own: fail",
      profile: 'service',
      tree: {
        'app/main.py': 'app = FastAPI()\n',
        'k8s/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      terminationGracePeriodSeconds: 30\n      containers:\n        - name: api\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'terminationGracePeriodSeconds above the default alone is partial',
      profile: 'service',
      tree: {
        'app/main.py': 'app = FastAPI()\n',
        'k8s/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      terminationGracePeriodSeconds: 60\n      containers:\n        - name: api\n',
      },
      expect: { outcome: 'partial', message: 'platform allows time to drain' },
    },
    {
      name: 'only a Kubernetes preStop hook is partial',
      profile: 'service',
      tree: {
        'app/main.py': 'app = FastAPI()\n',
        'k8s/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          lifecycle:\n            preStop:\n              exec: { command: [sleep, "5"] }\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: ['platform allows time to drain', 'nothing in the application'],
        evidence: [{ path: 'k8s/deploy.yaml', line: 2 }],
      },
    },
    {
      name: 'Python: nothing handles SIGTERM; a handler in tests does not count',
      profile: 'service',
      tree: { 'app/main.py': 'app = Flask(__name__)\n', 'tests/test_sig.py': 'signal.signal(signal.SIGTERM, h)\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a library is not judged',
      profile: 'library',
      tree: { 'lib.rb': '' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
