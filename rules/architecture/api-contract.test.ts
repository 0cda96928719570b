import rule from './api-contract.js';
import { expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';

/** A client's example query: operations only, a field named `type` and an alias `input:` among them. */
const GQL_QUERY =
  'query gen2Species {\n  # every species of generation 2\n  species(where: {generation: {name: {_eq: "generation-ii"}}}) {\n    name\n    type\n    input: id\n  }\n}\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a GraphQL schema defining types is the contract; example queries beside it (*.gql of operations) are not cited (round 22)',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0\n',
        'app/views.py': 'from django.http import JsonResponse\n',
        'graphql/schema.graphql':
          'schema {\n  query: Query\n}\n\ntype Query {\n  species(id: ID!): Species\n}\n\ntype Species {\n  name: String!\n}\n',
        'graphql/examples/gen2_species.gql': GQL_QUERY,
        'graphql/examples/starter_types.gql': GQL_QUERY,
      },
      expect: {
        outcome: 'pass',
        message: 'API described by GraphQL schema.',
        evidence: [{ path: 'graphql/schema.graphql', note: 'GraphQL schema contract' }],
        absent: ['examples/'],
      },
    },
    {
      name: 'a Swagger 2.0 document of the API kept beside the end-to-end tests (e2e/swagger.json) is a committed contract (round 12)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"conduit","dependencies":{"@nestjs/core":"10","@nestjs/swagger":"7"}}',
        'src/main.ts':
          "import { NestFactory } from '@nestjs/core';\nNestFactory.create(AppModule).then((a) => a.listen(3000));\n",
        'e2e/swagger.json':
          '{\n  "swagger": "2.0",\n  "info": { "title": "Conduit API", "version": "1.0.0" },\n  "basePath": "/api",\n  "paths": {\n    "/articles": { "get": { "responses": { "200": { "description": "OK" } } } }\n  }\n}\n',
        'e2e/run-api-tests.sh': '#!/bin/sh\nnpx newman run e2e/Conduit.postman_collection.json\n',
        'test/api/contract.json':
          '{\n  "openapi": "3.0.0",\n  "info": { "title": "Conduit", "version": "1" },\n  "paths": {}\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'API described by OpenAPI',
        evidence: [{ path: 'e2e/swagger.json', note: 'OpenAPI contract' }],
      },
    },
    {
      name: 'an OpenAPI file in docs/ passes',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"express":"4"}}',
        'docs/openapi.yaml': 'openapi: 3.0.3\ninfo:\n  title: shop\n',
      },
      expect: { outcome: 'pass', message: 'OpenAPI', evidence: [{ path: 'docs/openapi.yaml' }] },
    },
    {
      name: 'a Python service whose own proto names its Go package passes when no stubs were copied beside it',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "orders"\ndependencies = ["grpcio"]\n',
        'protos/orders.proto': 'syntax = "proto3";\noption go_package = "github.com/acme/orders/gen/go";\n',
        'orders/server.py': 'import grpc\n',
      },
      expect: { outcome: 'pass', message: 'protobuf/gRPC' },
    },
    {
      name: 'a Go gRPC service with .proto files passes',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire google.golang.org/grpc v1.60.0\n',
        'api/v1/orders.proto': 'syntax = "proto3";\n',
      },
      expect: { outcome: 'pass', message: 'protobuf/gRPC', evidence: [{ path: 'api/v1/orders.proto' }] },
    },
    {
      name: 'a spec with an unusual name is recognised by its first key',
      profile: 'service',
      tree: { 'api/definitions/v2.json': '{\n  "swagger": "2.0",\n  "info": {}\n}\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'api/definitions/v2.json', line: 2 }] },
    },
  ],
  invalid: [
    {
      name: 'GraphQL example queries and an empty metadata file describe no API: fail (round 22 counterpart)',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0\n',
        'app/views.py': 'from django.http import JsonResponse\n',
        'graphql/metadata/actions.graphql': '',
        'graphql/examples/gen2_species.gql': GQL_QUERY,
      },
      expect: { outcome: 'fail', absent: ['gen2_species', 'actions.graphql'] },
    },
    {
      name: 'an OpenAPI document among test fixtures is an input of the tests, not the service contract',
      profile: 'service',
      tree: {
        'src/server.go': 'package main\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
        'test/fixtures/petstore.yaml': 'openapi: 3.0.0\ninfo:\n  title: Petstore\npaths:\n  /pets: {}\n',
      },
      expect: { outcome: 'fail', absent: ['petstore'] },
    },
    {
      name: ".NET: Swagger registered through a wrapper's extension method (AddSwaggerDefault) and served by UseSwagger() is generated docs: partial",
      profile: 'service',
      tree: {
        'source/Web/Architecture.Web.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Acme.AspNetCore" />\n  </ItemGroup>\n</Project>\n',
        'source/Web/Program.cs':
          'var builder = WebApplication.CreateBuilder();\nbuilder.Services.AddSwaggerDefault();\nbuilder.Services.AddControllers();\n\nvar application = builder.Build();\napplication.UseSwagger().UseSwaggerUI();\napplication.MapControllers();\napplication.Run();\n',
        'source/Web/UserController.cs':
          '[ApiController]\n[Route("users")]\npublic sealed class UserController : ControllerBase\n{\n    [HttpGet]\n    public IActionResult List() => Ok();\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'Only generated API docs (Swagger/OpenAPI middleware)',
        evidence: [
          { path: 'source/Web/Program.cs', line: 6, note: 'UseSwagger: serves an API document generated from code' },
        ],
      },
    },
    {
      name: 'Symfony: API Platform 4 (api-platform/symfony) serves an OpenAPI document generated from #[ApiResource] classes: partial',
      profile: 'service',
      tree: {
        'composer.json':
          '{\n  "require": {\n    "php": ">=8.2",\n    "api-platform/symfony": "^4.0",\n    "symfony/framework-bundle": "^7.0"\n  }\n}\n',
        'src/Entity/Part.php':
          '<?php\nnamespace App\\Entity;\n\nuse ApiPlatform\\Metadata\\ApiResource;\n\n#[ApiResource]\nclass Part\n{\n    public ?int $id = null;\n}\n',
        'public/index.php': "<?php\nrequire dirname(__DIR__).'/vendor/autoload_runtime.php';\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'Only generated API docs (api-platform/symfony)',
        evidence: [
          { path: 'composer.json', line: 4, snippet: 'api-platform/symfony', note: 'generates API docs from code' },
        ],
      },
    },
    {
      name: 'Rails: apipie-rails endpoint descriptions in the controllers are generated docs: partial',
      profile: 'service',
      tree: {
        Gemfile: 'source "https://rubygems.org"\ngem "rails"\ngem "apipie-rails"\n',
        'config/routes.rb':
          'Rails.application.routes.draw do\n  namespace :api do\n    resources :pushes\n  end\nend\n',
        'app/controllers/api/v1/pushes_controller.rb':
          'class Api::V1::PushesController < Api::BaseController\n  resource_description do\n    name "Pushes"\n  end\n\n  api :GET, "/p/:url_token.json", "Retrieve a push."\n  def show\n  end\nend\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'Only generated API docs (apipie-rails)',
        evidence: [
          { path: 'Gemfile', line: 3 },
          { path: 'app/controllers/api/v1/pushes_controller.rb', line: 6 },
        ],
      },
    },
    {
      name: "a proto copied from another project's Go module with this project's Python stubs beside it is not this API's contract",
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "wallet"\ndependencies = ["fastapi", "grpcio"]\n',
        'wallet/app.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
        'wallet/swaps/swaprpc.proto':
          'syntax = "proto3";\npackage swaprpc;\noption go_package = "github.com/SwapCo/swap-client/pkg/swaprpc";\nservice Swap { rpc GetInfo (Empty) returns (Info); }\n',
        'wallet/swaps/swaprpc_pb2.py': '# generated\n',
        'wallet/swaps/swaprpc_pb2_grpc.py': '# generated\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { note: expect.stringContaining('FastAPI') },
          { path: 'wallet/swaps/swaprpc.proto', note: expect.stringContaining('github.com/SwapCo/swap-client') },
        ],
      },
    },
    {
      name: 'drf-spectacular with an openapi-generator settings file is generated docs only, not a committed contract',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0.4\ndrf-spectacular==0.29.0\n',
        'recipes/settings.py': "INSTALLED_APPS = ['drf_spectacular']\n",
        'vue3/src/openapi/openapitools.json':
          '{\n  "$schema": "node_modules/@openapitools/openapi-generator-cli/config.schema.json",\n  "generator-cli": { "version": "7.19.0" }\n}\n',
      },
      expect: { outcome: 'partial', absent: ['openapitools.json'] },
    },
    {
      name: 'FastAPI without a committed contract is partial',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110\nuvicorn\n',
        'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      },
      expect: { outcome: 'partial', score: 0.5, message: 'FastAPI', evidence: [{ path: 'requirements.txt', line: 1 }] },
    },
    {
      name: 'a Flask API documented with APIFairy only is partial (generated OpenAPI, like springdoc)',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.3\nflask-marshmallow==1.2.1\napifairy==1.4.0\n',
        'api/app.py':
          'from flask import Flask\nfrom apifairy import APIFairy\n\napifairy = APIFairy()\n\ndef create_app():\n    app = Flask(__name__)\n    apifairy.init_app(app)\n    return app\n',
      },
      expect: {
        outcome: 'partial',
        message: 'apifairy',
        evidence: [{ path: 'requirements.txt', line: 3, note: 'generates API docs from code' }],
      },
    },
    {
      name: 'APIFairy wired in code without a declared dependency (installed from a lock elsewhere) is partial, cited where it is created',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.3\n',
        'api/app.py': 'from flask import Flask\nfrom apifairy import APIFairy\n\napifairy = APIFairy()\n',
      },
      expect: {
        outcome: 'partial',
        message: 'Only generated API docs (APIFairy)',
        evidence: [{ path: 'api/app.py', line: 4, note: 'APIFairy: serves an API document generated from code' }],
      },
    },
    {
      name: 'a Spring app with springdoc only is partial',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies>\n<dependency><groupId>org.springdoc</groupId><artifactId>springdoc-openapi-starter-webmvc-ui</artifactId></dependency>\n</dependencies></project>\n',
      },
      expect: {
        outcome: 'partial',
        message: 'org.springdoc:springdoc-openapi-starter-webmvc-ui',
        evidence: [{ path: 'pom.xml' }],
      },
    },
    {
      name: 'a service without any contract fails; a contract used only by tests does not count',
      profile: 'service',
      tree: { 'src/server.ts': 'export {}\n', 'config.yaml': 'port: 80\n', 'tests/openapi.yaml': 'openapi: 3.0.0\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a library is not applicable',
      profile: 'library',
      tree: { 'src/index.ts': 'export {}\n' },
      expect: { outcome: 'not-applicable', message: 'library' },
    },
  ],
});
