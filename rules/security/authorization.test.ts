import { expect, it } from 'vitest';
import rule from './authorization.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';

// Evidence order: declarative guards first, then hand-written guards, then conditions read from names.
it('ranks permission_classes and #[IsGranted] before name-read conditions and setup commands (round 16)', async () => {
  const run = await runRuleOn(
    rule,
    {
      'requirements.txt': 'django==5.0\ndjangorestframework==3.15\n',
      'api/dataviz.py':
        'def stats(request):\n    if not (request.user and request.user.is_staff):\n        raise PermissionDenied()\n',
      'api/management/commands/createuser.py':
        'class Command(BaseCommand):\n    def handle(self, *args, **options):\n        if options["admin"] and not user.is_superuser:\n            raise PermissionDenied("admin")\n',
      'api/views/user.py': 'class UserViewSet(viewsets.ModelViewSet):\n    permission_classes = (IsAdminUser,)\n',
    },
    { profile: 'service' },
  );
  expect(run.outcome).toBe('pass');
  expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toEqual([
    'api/views/user.py:2',
    'api/dataviz.py:2',
    'api/management/commands/createuser.py:3',
  ]);
});

ruleTester(rule, {
  valid: [
    {
      name: 'declarative guards (#[IsGranted], denyAccessUnlessGranted) are cited before helpers named like guards; a redirect check is none (round 16, Symfony)',
      profile: 'service',
      tree: {
        'composer.json': JSON.stringify({ require: { 'symfony/security-bundle': '^7.0' } }),
        'src/Controller/RedirectController.php':
          '<?php\nclass RedirectController\n{\n    public function index(): Response\n    {\n        if (!$this->checkIfModRewriteAvailable()) {\n            return $this->redirect("/index.php");\n        }\n    }\n\n    public function checkIfModRewriteAvailable(): bool\n    {\n        return function_exists("apache_get_modules");\n    }\n}\n',
        'src/Entity/StorageLocation.php':
          '<?php\nclass StorageLocation\n{\n    public function isPartOwnerMustMatch(): bool\n    {\n        return $this->part_owner_must_match;\n    }\n    public function check(): bool\n    {\n        return $this->isPartOwnerMustMatch();\n    }\n}\n',
        'src/Controller/PartController.php':
          "<?php\nclass PartController extends AbstractController\n{\n    #[IsGranted('ROLE_USER')]\n    public function show(Part $part): Response\n    {\n        $this->denyAccessUnlessGranted('read', $part);\n    }\n}\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/Controller/PartController.php', line: 4, note: 'Laravel/Symfony gates, policies or voters' },
        ],
        absent: ['checkIfModRewriteAvailable', 'isPartOwnerMustMatch'],
      },
    },
    {
      name: 'ASP.NET permission attributes on controllers are authorization; IsAdminConfigured() reads a setting (round 16)',
      profile: 'service',
      tree: {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'Api/Config/AdminInitializer.cs':
          'public sealed class AdminInitializer\n{\n    public async Task StartAsync()\n    {\n        if (!identityOptions.IsAdminConfigured())\n        {\n            return;\n        }\n    }\n}\n',
        'Api/Controllers/AppsController.cs':
          'public sealed class AppsController : ApiController\n{\n    [HttpGet]\n    [Route("apps/")]\n    [ApiPermission(PermissionIds.AppsRead)]\n    public IActionResult GetApps()\n    {\n        return Ok();\n    }\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'Api/Controllers/AppsController.cs', line: 5, note: 'ASP.NET roles or policies' }],
        absent: ['IsAdminConfigured'],
      },
    },
    {
      name: "DRF permission_classes are cited before a management command's admin flag (round 16, Django)",
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\ndjangorestframework==3.15\n',
        'api/management/commands/createuser.py':
          'from django.core.management.base import BaseCommand\n\n\nclass Command(BaseCommand):\n    def handle(self, *args, **options):\n        if options["admin"] and not user.is_superuser:\n            raise PermissionDenied("admin")\n',
        'api/views/user.py':
          'from rest_framework.permissions import IsAdminUser\n\n\nclass UserViewSet(viewsets.ModelViewSet):\n    permission_classes = (IsAdminUser,)\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'api/views/user.py', line: 5, note: 'Python permission checks' }],
      },
    },
    {
      name: 'request-handling guards are cited before a seeder that looks for the admin (round 5, NestJS)',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify({ dependencies: { '@nestjs/core': '10' } }),
        'src/database/seeds/user/user-seed.service.ts':
          'export class UserSeedService {\n  async run() {\n    const admin = await this.repo.count({ where: { role: { id: RoleEnum.admin } } });\n    if (!admin) {\n      await this.repo.save({ role: { id: RoleEnum.admin } });\n    }\n  }\n}\n',
        'src/roles/roles.guard.ts':
          "import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class RolesGuard implements CanActivate {\n  canActivate(context: ExecutionContext): boolean {\n    const roles = this.reflector.get<number[]>('roles', context.getHandler());\n    return roles.includes(context.switchToHttp().getRequest().user?.role?.id);\n  }\n}\n",
        'src/users/users.controller.ts':
          "import { RolesGuard } from '../roles/roles.guard';\n\n@Roles(RoleEnum.admin)\n@UseGuards(AuthGuard('jwt'), RolesGuard)\n@Controller('users')\nexport class UsersController {}\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'src/roles/roles.guard.ts', line: 4 }],
      },
    },
    {
      name: 'hand-written role guards on the user record: `if user.Role != models.RoleAdmin` (Go), `if !user.local_user.admin` (Rust), `role in ("owner", "admin")` (Python)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/board\n\ngo 1.22\n',
        'internal/api/boards.go':
          'func DeleteBoard(c echo.Context) error {\n\tuser := auth.User(c)\n\tif user.Role != models.RoleAdmin {\n\t\treturn echo.ErrUnauthorized\n\t}\n\treturn store.Delete(c.Param("id"))\n}\n',
        'crates/api/src/site.rs':
          'pub async fn purge(user: UserView) -> ApiResult<()> {\n  if !user.local_user.admin {\n    return Err(ApiError::NotAnAdmin);\n  }\n  Ok(())\n}\n',
        'app/views.py':
          'def remove_member(request, team):\n    if membership.role in ("owner", "admin"):\n        team.remove(request.POST["user"])\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'internal/api/boards.go', line: 3, note: 'role checks in handlers (admin guards)' },
          { path: 'crates/api/src/site.rs', line: 2, note: 'role checks in handlers (admin guards)' },
          { path: 'app/views.py', line: 2, note: 'role checks in handlers (admin guards)' },
        ],
      },
    },
    {
      name: 'a FastAPI dependency named for the admin role that refuses with HTTPStatus.FORBIDDEN (multi-line condition)',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "wallet"\ndependencies = ["fastapi"]\n',
        'wallet/decorators.py': [
          'async def check_admin(',
          '    account: Annotated[Account, Depends(check_account_exists)],',
          ') -> Account:',
          '    if (',
          '        account.id != settings.super_user',
          '        and account.id not in settings.admin_users',
          '    ):',
          '        raise HTTPException(',
          '            HTTPStatus.FORBIDDEN, "No admin privileges."',
          '        )',
          '    return account',
          '',
        ].join('\n'),
        'wallet/views/admin.py':
          'from wallet.decorators import check_admin\n\n\n@router.get("/admin/audit")\nasync def audit(account: Account = Depends(check_admin)):\n    return await get_audit()\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'wallet/decorators.py',
            line: 1,
            note: 'role guards that refuse with 403 (check_admin-style): check_admin defined here',
          },
          { path: 'wallet/views/admin.py', line: 5, note: 'check_admin used here' },
        ],
      },
    },
    {
      name: 'hand-written role guards (is_admin, is_mod_or_admin) called from API handlers pass with definition and use (Rust)',
      profile: 'service',
      tree: {
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
        'crates/api_common/Cargo.toml': '[package]\nname = "forum_api_common"\n\n[dependencies]\nactix-web = "4"\n',
        'crates/api_common/src/utils.rs': [
          'use crate::error::{ForumError, ForumResult};',
          '',
          "pub async fn is_mod_or_admin(pool: &mut DbPool<'_>, user: &UserView, community_id: CommunityId) -> ForumResult<()> {",
          '  let is_mod = ModeratorView::is_moderator(pool, community_id, user.person.id).await.is_ok();',
          '  if is_mod || user.local_user.admin {',
          '    Ok(())',
          '  } else {',
          '    Err(ForumError::NotAModOrAdmin)',
          '  }',
          '}',
          '',
          'pub fn is_admin(user: &UserView) -> ForumResult<()> {',
          '  if !user.local_user.admin {',
          '    Err(ForumError::NotAnAdmin)',
          '  } else {',
          '    Ok(())',
          '  }',
          '}',
          '',
        ].join('\n'),
        'crates/api/Cargo.toml': '[package]\nname = "forum_api"\n',
        'crates/api/src/post/lock.rs': [
          'use forum_api_common::utils::{',
          '  is_mod_or_admin,',
          '};',
          '',
          'pub async fn lock_post(data: Json<LockPost>, context: Data<Context>, user: UserView) -> ForumResult<Json<PostResponse>> {',
          '  let post = Post::read(&mut context.pool(), data.post_id).await?;',
          '  is_mod_or_admin(&mut context.pool(), &user, post.community_id).await?;',
          '  Post::lock(&mut context.pool(), post.id, data.locked).await',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'crates/api_common/src/utils.rs',
            line: 3,
            note: 'hand-written role or permission guards (defined and called): is_mod_or_admin defined here',
          },
          { path: 'crates/api/src/post/lock.rs', line: 7, note: 'is_mod_or_admin used here' },
        ],
      },
    },
    {
      name: 'Rocket request guards named for a role (FromRequest for AdminHeaders) are authorization (Rust)',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "vault"\n\n[dependencies]\nrocket = "0.5"\n',
        'src/auth.rs':
          "pub struct Headers { user: User }\n\n#[rocket::async_trait]\nimpl<'r> FromRequest<'r> for Headers {\n    type Error = &'static str;\n}\n\n#[rocket::async_trait]\nimpl<'r> FromRequest<'r> for AdminHeaders {\n    type Error = &'static str;\n}\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/auth.rs', line: 9 }] },
    },
    {
      name: 'team roles checked by hand: a membership flag that refuses with 403 (Django), an OAuth scope check (Rails)',
      profile: 'service',
      tree: {
        'hc/front/views.py': [
          'def _get_rw_check_for_user(request, code):',
          '    check, rw = _get_check_for_user(request, code)',
          '    if not rw:',
          '        raise PermissionDenied',
          '    return check',
          '',
        ].join('\n'),
        'app/controllers/api/v1/messages_controller.rb':
          'class Api::V1::MessagesController < Api::V1::BaseController\n  before_action -> { authorize_scope!(:write) }, only: [:create]\nend\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'app/controllers/api/v1/messages_controller.rb', line: 2 },
          { path: 'hc/front/views.py', line: 3 },
        ],
      },
    },
    {
      name: 'hand-written admin guards that deny the request are role checks (Go and Ruby)',
      profile: 'service',
      tree: {
        'internal/api/user_handlers.go':
          'package api\n\nfunc (h *handler) createUser(w http.ResponseWriter, r *http.Request) {\n\tif !request.IsAdminUser(r) {\n\t\tresponse.JSONForbidden(w, r)\n\t\treturn\n\t}\n}\n',
        'app/controllers/invitations_controller.rb':
          'class InvitationsController < ApplicationController\n  def create\n    head :forbidden unless Current.user.admin?\n  end\nend\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'app/controllers/invitations_controller.rb', line: 3 },
          { path: 'internal/api/user_handlers.go', line: 4 },
        ],
      },
    },
    {
      name: 'a guard after another condition on its line, and a role negated past other tests, are found (Go, TypeScript)',
      profile: 'service',
      tree: {
        'internal/api/docs.go':
          'package api\n\nfunc edit(w http.ResponseWriter, r *http.Request) {\n\tif err != nil { return }; if !user.CanEdit { http.Error(w, "no", http.StatusForbidden) }\n}\n',
        'src/routes/admin.ts':
          'export const guard = (req, res, next) => {\n  if (config.enabled && req.headers.origin && !req.user.isAdmin()) return res.status(403).end();\n  next();\n};\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/routes/admin.ts', line: 2 },
          { path: 'internal/api/docs.go', line: 4 },
        ],
      },
    },
    {
      name: 'NestJS @Roles on a controller passes',
      profile: 'service',
      tree: {
        'src/users/users.controller.ts':
          "@Controller('users')\nexport class UsersController {\n  @Roles(Role.Admin)\n  @Delete(':id') remove() {}\n}\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/users/users.controller.ts', line: 3 }] },
    },
    {
      name: 'DRF permission_classes with a real permission passes',
      profile: 'service',
      tree: {
        'api/views.py':
          'class OrderViewSet(viewsets.ModelViewSet):\n    permission_classes = [IsAuthenticated, IsOrderOwner]\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'api/views.py', line: 2 }] },
    },
    {
      name: 'Spring @PreAuthorize passes',
      profile: 'service',
      tree: {
        'src/main/kotlin/app/AdminController.kt':
          '@RestController\nclass AdminController {\n    @PreAuthorize("hasRole(\'ADMIN\')")\n    @GetMapping("/admin") fun admin() = "ok"\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main/kotlin/app/AdminController.kt', line: 3 }] },
    },
    {
      name: 'ASP.NET [Authorize(Roles = …)] passes',
      profile: 'service',
      tree: {
        'Controllers/AdminController.cs':
          '[ApiController]\n[Authorize(Roles = "Admin")]\npublic class AdminController : ControllerBase {}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Controllers/AdminController.cs', line: 2 }] },
    },
    {
      name: "gds-sso's authorise_user! with a permission, British spelling, in a Rails API controller passes",
      profile: 'service',
      tree: {
        Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\ngem "gds-sso"\n',
        'app/controllers/application_controller.rb':
          'class ApplicationController < ActionController::API\n  include GDS::SSO::ControllerMethods\n\n  before_action :authorise\n\nprivate\n\n  def authorise\n    authorise_user!("internal_app")\n  end\nend\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/controllers/application_controller.rb', line: 9 }] },
    },
    {
      name: 'Pundit authorize in a Rails controller passes',
      profile: 'service',
      tree: {
        'app/controllers/posts_controller.rb':
          'class PostsController < ApplicationController\n  def update\n    authorize @post\n  end\nend\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/controllers/posts_controller.rb', line: 3 }] },
    },
    {
      name: 'a FastAPI superuser check and an Express required-rights middleware pass',
      profile: 'service',
      tree: {
        'backend/app/api/deps.py':
          'def get_current_active_superuser(current_user: CurrentUser) -> User:\n    if not current_user.is_superuser:\n        raise HTTPException(status_code=403)\n    return current_user\n',
        'src/middlewares/auth.js': 'const hasRequiredRights = requiredRights.every((r) => userRights.includes(r));\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'backend/app/api/deps.py', line: 2 },
          { path: 'src/middlewares/auth.js', line: 1 },
        ],
      },
    },
    {
      name: 'an OPA policy file passes',
      profile: 'service',
      tree: { 'policy/authz.rego': 'package authz\ndefault allow := false\n', 'main.go': 'package main\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'policy/authz.rego' }] },
    },
    {
      name: 'Go: an admin middleware registered on a route group, and a role check returning a forbidden state',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/push\n\ngo 1.25\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
        'router/router.go':
          'package router\n\nfunc Create(a *auth.Auth) {\n\tadmin := g.Group("/user")\n\tadmin.Use(a.RequireAdmin)\n}\n',
        'auth/auth.go':
          'package auth\n\nfunc (a *Auth) checkUserAdmin(user *model.User) (authState, error) {\n\tif !user.Admin {\n\t\treturn authStateForbidden, nil\n\t}\n\treturn authStateOk, nil\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'auth/auth.go', line: 4 },
          { path: 'router/router.go', line: 5 },
        ],
      },
    },
    {
      name: 'ASP.NET: an authorization policy passes beside a rate-limiter policy',
      profile: 'service',
      tree: {
        'Api/Program.cs':
          'builder.Services.AddAuthorization(options =>\n{\n    options.AddPolicy("admin", p => p.RequireAuthenticatedUser().RequireRole("admin"));\n});\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Api/Program.cs', line: 3 }] },
    },
  ],
  invalid: [
    {
      name: 'an authorise_user! with no permission named (a bare login filter) is no permission check',
      profile: 'service',
      tree: {
        Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\n',
        'app/controllers/application_controller.rb':
          'class ApplicationController < ActionController::API\n  before_action :authorise_user!\nend\n',
      },
      expect: { outcome: 'fail', absent: ['application_controller.rb'] },
    },
    {
      name: 'Flask ownership checks (owner compared with the current user, abort(403)) check requests: partial, not "no code that checks requests" (blind round 17)',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\n',
        'api/posts.py': [
          'from flask import Blueprint, abort',
          'from api.auth import token_auth',
          '',
          "posts = Blueprint('posts', __name__)",
          '',
          '',
          "@posts.route('/posts/<int:id>', methods=['PUT'])",
          'def put(data, id):',
          '    post = db.session.get(Post, id) or abort(404)',
          '    if post.author != token_auth.current_user():',
          '        abort(403)',
          '    post.update(data)',
          '    return post',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'Requests are checked for ownership',
        evidence: [{ path: 'api/posts.py', line: 10, note: expect.stringContaining('ownership check') }],
        absent: ['no code that checks requests'],
      },
    },
    {
      name: 'a command-line flag named isAdmin (var isAdmin bool, BoolVar(&isAdmin…)) is neither a use of the isAdmin guard nor a role check (blind round 17)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/idp\n\ngo 1.22\n',
        'internal/api/helpers.go':
          'package api\n\nfunc isAdmin(u *User, roles []string) bool {\n\treturn contains(roles, u.Role)\n}\n',
        'internal/api/server.go': 'package api\n\nfunc Serve() {\n\thttp.ListenAndServe(":8080", mux)\n}\n',
        'cmd/admin_cmd.go': [
          'package cmd',
          '',
          'var autoconfirm, isAdmin bool',
          '',
          'func init() {',
          '\tcreateUserCmd.Flags().BoolVar(&isAdmin, "admin", false, "Create user with admin privileges")',
          '}',
          '',
          'func createUser() {',
          '\tif autoconfirm {',
          '\t\tconfirm()',
          '\t} else if isAdmin {',
          '\t\tpromote()',
          '\t}',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'fail',
        absent: ['admin_cmd.go'],
      },
    },
    {
      name: 'DRF: permission_classes = () opens the endpoint like AllowAny; IsAuthenticated alone is no role check',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\ndjangorestframework==3.15\n',
        'shop/auth/apis.py':
          'from rest_framework.views import APIView\n\n\nclass LoginRedirectApi(APIView):\n    permission_classes = ()\n\n    def get(self, request):\n        return redirect_to_provider()\n',
      },
      expect: { outcome: 'fail', absent: ['permission_classes = ()'] },
    },
    {
      name: 'a MediatR AuthorizationBehaviour that checks roles and policies, with only plain [Authorize] used: partial, citing the checks',
      profile: 'service',
      tree: {
        'src/Web/Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'src/Application/Common/Behaviours/AuthorizationBehaviour.cs':
          'public class AuthorizationBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>\n{\n    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken ct)\n    {\n        var attributes = request.GetType().GetCustomAttributes<AuthorizeAttribute>();\n        foreach (var role in attributes.Select(a => a.Roles))\n        {\n            var isInRole = _user.Roles?.Any(x => role == x) ?? false;\n            if (isInRole) authorized = true;\n        }\n        if (!authorized)\n        {\n            throw new ForbiddenAccessException();\n        }\n        foreach (var policy in attributes.Select(a => a.Policy))\n        {\n            var ok = await _identityService.AuthorizeAsync(_user.Id, policy);\n            if (!ok)\n            {\n                throw new ForbiddenAccessException();\n            }\n        }\n        return await next();\n    }\n}\n',
        'src/Application/Todos/GetTodos.cs': '[Authorize]\npublic record GetTodosQuery : IRequest<TodosVm>;\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message: 'A hand-written authorization step (AuthorizationBehaviour) checks roles and policies',
        evidence: [
          {
            path: 'src/Application/Common/Behaviours/AuthorizationBehaviour.cs',
            line: 8,
            note: 'role checked by the authorization step',
          },
          {
            path: 'src/Application/Common/Behaviours/AuthorizationBehaviour.cs',
            line: 17,
            note: 'policy checked by the authorization step',
          },
        ],
      },
    },
    {
      name: "an ARIA role compared in a component (role === 'button') is no role check",
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"express":"4"}}',
        'src/server.ts':
          "import express from 'express';\nconst app = express();\napp.get('/items', (_req, res) => res.json([]));\napp.listen(3000);\n",
        'src/a11y.ts':
          "export function clickable(el: Element) {\n  if (el.getAttribute('role') === 'button') return true;\n  return false;\n}\n",
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'IsInRole(WindowsBuiltInRole.Administrator) checks process elevation, not request authorization (C#)',
      profile: 'service',
      tree: {
        'src/Tracker.Server/Tracker.Server.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>',
        'src/Tracker.Server/Services/ServerUtil.cs': [
          'namespace Tracker.Server.Services;',
          '',
          'public static class ServerUtil',
          '{',
          '    public static bool IsUserAdministrator()',
          '    {',
          '        var principal = new WindowsPrincipal(WindowsIdentity.GetCurrent());',
          '        return principal.IsInRole(WindowsBuiltInRole.Administrator);',
          '    }',
          '}',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'fail', absent: ['ServerUtil.cs'] },
    },
    {
      name: 'a role guard that nothing calls checks nothing: defined, never used (TypeScript)',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"next":"14"}}',
        'src/lib/auth.ts':
          'export async function requireRole(user: User, role: string) {\n  if (user.role !== role) throw new Error("no");\n}\n',
        // Named like a guard, but about errors, and browser code at that.
        'src/lib/errors.ts': 'export function isPermanentError(e: Error) {\n  return e.message === "gone";\n}\n',
        'src/lib/fetch.ts': 'if (isPermanentError(err)) throw err;\n',
        'frontend/src/helpers/access.ts': 'export function isAdmin(user) {\n  return user.admin;\n}\n',
        'frontend/src/views/Menu.ts': 'showAdminMenu(isAdmin(currentUser));\n',
        // A maintenance command checking file ownership is no request authorization.
        'pkg/doctor/files.go':
          'func checkDirectoryOwnership(path string) error {\n\treturn nil\n}\n\nfunc Run() {\n\t_ = checkDirectoryOwnership("/var/lib/tasks")\n}\n',
        'src/app/api/items/route.ts':
          'import { db } from "@/lib/db";\n\nexport async function GET() {\n  return Response.json(await db.items.findMany());\n}\n',
      },
      expect: {
        outcome: 'fail',
        message: 'requireRole is defined at src/lib/auth.ts:1, but never used',
        evidence: [{ path: 'src/lib/auth.ts', line: 1, note: 'requireRole defined here, but never used: no credit' }],
      },
    },
    {
      name: 'a guard named check_admin that never refuses, and a request guard for plain headers, are no authorization',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "wallet"\ndependencies = ["fastapi"]\n',
        'wallet/decorators.py': 'def check_admin_settings_loaded(settings):\n    return settings is not None\n',
        'Cargo.toml': '[package]\nname = "vault"\n\n[dependencies]\nrocket = "0.5"\n',
        'src/auth.rs': "impl<'r> FromRequest<'r> for ClientHeaders {\n    type Error = &'static str;\n}\n",
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a 403 for a missing token is authentication, not a role check',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"express":"4"}}',
        'src/auth.js':
          "export function auth(req, res, next) {\n  if (!req.headers.token) {\n    return res.status(403).json({ error: 'no token' });\n  }\n  next();\n}\n",
        'src/views.py': 'def edit(request):\n    if not form.is_valid():\n        raise PermissionDenied\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'an ASP.NET CORS policy is not an authorization policy',
      profile: 'service',
      tree: {
        'Api/Program.cs':
          'builder.Services.AddCors(options => {\n    options.AddPolicy(name: CORS_POLICY, policy => policy.WithOrigins("https://a.example"));\n});\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'DRF AllowAny alone is no authorization',
      profile: 'service',
      tree: { 'api/views.py': 'class Health(APIView):\n    permission_classes = [AllowAny]\n' },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Casbin imported but never asked for a decision is partial',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire github.com/casbin/casbin/v2 v2.80.0\n',
        'main.go': 'package main\n\nimport "github.com/casbin/casbin/v2"\n\nvar _ casbin.Enforcer\n',
      },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: 'go.mod', line: 3 }] },
    },
    {
      name: 'Casbin declared in go.mod but never imported fails',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire github.com/casbin/casbin/v2 v2.80.0\n',
        'main.go': 'package main\nfunc main() {}\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: 'go.mod', line: 3 }] },
    },
    {
      name: 'Laravel with authentication only (no gates, policies or can: middleware) fails',
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"laravel/framework":"^11.0"}}',
        'routes/api.php': "<?php\nRoute::middleware('auth:sanctum')->get('/user', fn () => 1);\n",
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: "ASP.NET: a rate limiter's AddPolicy and an admin flag in the test project's token helper are no authorization",
      profile: 'service',
      tree: {
        'Todo.Api/Todo.Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'Todo.Api/Extensions/RateLimitExtensions.cs': [
          'services.AddOptions<RateLimiterOptions>()',
          '        .Configure((RateLimiterOptions options) =>',
          '{',
          '    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;',
          '    options.AddPolicy(Policy, context =>',
          '    {',
          '        return RateLimitPartition.GetTokenBucketLimiter(user, key => limits);',
          '    });',
          '});',
          '',
        ].join('\n'),
        'Todo.Api.Tests/TokenService.cs': 'if (isAdmin)\n{\n    claims.Add(new Claim(ClaimTypes.Role, "admin"));\n}\n',
      },
      expect: { outcome: 'fail' },
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
