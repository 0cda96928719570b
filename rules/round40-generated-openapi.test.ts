/**
 * Blind round 40: django-ninja serves a generated OpenAPI document and Swagger UI (`NinjaAPI(` →
 * /api/docs by default), like FastAPI, drf-spectacular and drf-yasg: "generated docs only", partial
 * credit, not "no API contract".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import apiContract from './architecture/api-contract.js';

const pyproject = (deps: string[]) =>
  `[project]\nname = "archive"\nversion = "1.0"\ndependencies = [\n    ### Django libraries\n${deps.map((d) => `    "${d}",  # for: the API\n`).join('')}]\n`;
const urls =
  'from django.urls import path\nfrom .api import api\n\nurlpatterns = [\n    path("api/v1/", api.urls),\n]\n';
const ninja =
  'from ninja import NinjaAPI, Swagger\n\napi = NinjaAPI(title="Archive API", docs=Swagger())\n\n@api.get("/items")\ndef items(request):\n    return []\n';

describe('round 40: framework-generated OpenAPI', () => {
  it('django-ninja (NinjaAPI) is generated docs: partial', async () => {
    const r = await runRuleOn(
      apiContract,
      {
        'pyproject.toml': pyproject(['django>=6.0', 'django-ninja>=1.5.1']),
        'app/api.py': ninja,
        'app/urls.py': urls,
        'manage.py': 'import django\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/django-ninja|NinjaAPI/);
  });

  it('drf-spectacular and drf-yasg used in settings are generated docs: partial', async () => {
    for (const [dep, app] of [
      ['drf-spectacular>=0.27', 'drf_spectacular'],
      ['drf-yasg>=1.21', 'drf_yasg'],
    ]) {
      const r = await runRuleOn(
        apiContract,
        {
          'pyproject.toml': pyproject(['django>=6.0', 'djangorestframework>=3.15', dep!]),
          'app/settings.py': `INSTALLED_APPS = ["rest_framework", "${app}"]\n`,
          'app/urls.py': `from django.urls import path\nimport ${app}\nurlpatterns = []\n`,
          'manage.py': 'import django\n',
        },
        { profile: 'service' },
      );
      expect(r.outcome).toBe('partial');
    }
  });

  it('a Django service without an API generator has no contract', async () => {
    const r = await runRuleOn(
      apiContract,
      {
        'pyproject.toml': pyproject(['django>=6.0']),
        'app/views.py':
          'from django.http import JsonResponse\n\ndef items(request):\n    return JsonResponse([], safe=False)\n',
        'app/urls.py':
          'from django.urls import path\nfrom . import views\nurlpatterns = [path("items", views.items)]\n',
        'manage.py': 'import django\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});
