/**
 * AWS CDK programs read as infrastructure (issue 15, blind round 38: a CDK chatbot's DynamoDB tables
 * with point-in-time recovery, versioned buckets, an Aurora cluster with 35 days of backups and an
 * ALB target group with a health check were "no data store / no compute in IaC"). A CDK app is the
 * folder of a `cdk.json`; its program is the TypeScript/JavaScript or Python source under it. The
 * constructs are found by their call with the construct scope first (`new dynamodb.Table(this, …)`,
 * `s3.Bucket(self, …)`), and their properties are read from the call's bounded text — never run.
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { dirOf, isProductionPath, isTestPath } from './paths.js';
import { lineAt } from '../util/lines.js';
import { callText } from './pulumi.js';
import { escapeRe } from '../util/regex.js';

const PROGRAM_FILE = /\.(?:ts|js|mjs|cjs|py)$/;
const NOT_PROGRAM =
  /(^|\/)(node_modules|dist|build|cdk\.out|\.venv|venv|vendor)\/|\.d\.ts$|(^|\/)[^/]*(?:\.test|\.spec|_test)\.\w+$|(^|\/)test_[^/]*\.py$/;
/** Source that uses the CDK: an import of aws-cdk-lib (v2), @aws-cdk/* (v1) or aws_cdk (Python). */
const USES_CDK = /aws-cdk-lib|@aws-cdk\/|\baws_cdk\b/;

/**
 * A construct created in a scope: `new ns.Name(this|self|scope|stack, …` (TypeScript), `ns.Name(self, …`
 * (Python). The namespace is kept to tell an EFS FileSystem from another.
 */
const CONSTRUCT =
  /\b(?:new\s+)?(?:([\w$]{1,40})\.)?(Table|TableV2|Bucket|DatabaseCluster|DatabaseInstance|ServerlessCluster|ServerlessClusterFromSnapshot|DatabaseClusterFromSnapshot|DatabaseInstanceFromSnapshot|FileSystem|BackupPlan|ApplicationTargetGroup|NetworkTargetGroup|ApplicationLoadBalanced(?:Fargate|Ec2)Service|NetworkLoadBalanced(?:Fargate|Ec2)Service|AutoScalingGroup)\s*\(\s*(?:this|self|scope|stack)\b/g;
/** `.addTargets('x', {…})` on a listener: a target group with its health check in the same call. */
const ADD_TARGETS = /\.add_?[tT]argets\s*\(/g;

export interface CdkStore {
  path: string;
  line: number;
  /** DynamoDB table, S3 bucket, RDS/Aurora database, EFS file system. */
  what: string;
  /** 1 backed up, 0.75 set from a value not known here, 0.5 the service's default, 0 none. */
  score: number;
  note: string;
}
export interface CdkCompute {
  path: string;
  line: number;
  what: string;
  /** Where the health check is configured, if it is. */
  check?: string;
}
export interface CdkFacts {
  /** The cdk.json files of apps whose program was read. */
  apps: string[];
  stores: CdkStore[];
  /** Load-balanced targets and autoscaling groups: compute that a health check should watch. */
  compute: CdkCompute[];
  /** AWS Backup plans (`new backup.BackupPlan(this, …)`): they cover the stores they select. */
  backupPlans: { path: string; line: number }[];
}

/** A property's value in the call: `key: value` (TypeScript) or `key=value` (Python), first 200 characters. */
function prop(call: string, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const at = new RegExp(`\\b${key}\\s*[:=]\\s*`).exec(call);
    if (at) return call.slice(at.index + at[0].length, at.index + at[0].length + 200);
  }
  return undefined;
}
const TRUE = /^(?:true|True)\b/;
const FALSE = /^(?:false|False|undefined|None)\b/;
/** A duration in days: `Duration.days(35)`, `cdk.Duration.days(7)`, `Duration.days(0)`. */
const DAYS = /^(?:[\w$]{1,40}\.){0,2}Duration\.days\(\s*(\d{1,5})\s*\)/;

function flagScore(v: string | undefined, on: string, off: string, none: string): [number, string] {
  if (v === undefined) return [0, none];
  if (TRUE.test(v)) return [1, on];
  if (FALSE.test(v)) return [0, off];
  return [
    0.75,
    `${on} set from ${v
      .split(/[,\n)}]/)[0]!
      .trim()
      .slice(0, 60)} (value not known here)`,
  ];
}

function judgeStore(alias: string | undefined, name: string, call: string): [string, number, string] | undefined {
  // Python imports modules under an alias with an underscore (`aws_s3 as _s3`).
  const ns = alias?.replace(/^_+/, '');
  switch (name) {
    case 'Table':
    case 'TableV2': {
      if (ns && !/^(?:aws_)?dynamodb$/i.test(ns)) return undefined;
      const spec = prop(call, 'pointInTimeRecoverySpecification', 'point_in_time_recovery_specification');
      if (spec) {
        const on = prop(spec, 'pointInTimeRecoveryEnabled', 'point_in_time_recovery_enabled');
        const [s, n] = flagScore(
          on,
          'point-in-time recovery on',
          'point-in-time recovery off',
          'point-in-time recovery specification',
        );
        return ['DynamoDB table', on === undefined ? 0.75 : s, n];
      }
      const [s, n] = flagScore(
        prop(call, 'pointInTimeRecovery', 'point_in_time_recovery'),
        'point-in-time recovery on',
        'point-in-time recovery off',
        'no point-in-time recovery',
      );
      return ['DynamoDB table', s, n];
    }
    case 'Bucket': {
      if (ns && !/^(?:aws_)?s3$/i.test(ns)) return undefined;
      // A bucket whose objects expire (a lifecycle rule's `expiration`) holds scratch data: nothing to restore.
      if (/\bexpiration\s*[:=]/.test(call)) return undefined;
      if (prop(call, 'replicationRules', 'replication_rules')) return ['S3 bucket', 1, 'replication'];
      const [s, n] = flagScore(
        prop(call, 'versioned'),
        'versioning on',
        'versioning off',
        'no versioning or replication',
      );
      return ['S3 bucket', s, n];
    }
    case 'FileSystem': {
      if (!ns || !/^(?:aws_)?efs$/i.test(ns)) return undefined;
      const [s, n] = flagScore(
        prop(call, 'enableAutomaticBackups', 'enable_automatic_backups'),
        'automatic backups on',
        'automatic backups off',
        'no automatic backups',
      );
      return ['EFS file system', s, n];
    }
    default: {
      if (!/^(?:Database|Serverless)/.test(name)) return undefined;
      if (ns && !/^(?:aws_)?(?:rds|docdb|neptune)$/i.test(ns)) return undefined;
      const what =
        ns && /docdb$/i.test(ns)
          ? 'DocumentDB cluster'
          : ns && /neptune$/i.test(ns)
            ? 'Neptune cluster'
            : 'RDS database';
      const direct = prop(call, 'backupRetention', 'backup_retention');
      const inBackup = prop(call, 'backup');
      const nested = inBackup ? prop(inBackup, 'retention') : undefined;
      const v = direct ?? nested;
      if (v === undefined) return [what, 0.5, 'backup retention unset (the service default, 1 day)'];
      const days = DAYS.exec(v);
      if (days) {
        const n = Number(days[1]);
        return [what, n > 0 ? 1 : 0, `backup retention ${n} day${n === 1 ? '' : 's'}`];
      }
      return [
        what,
        0.75,
        `backup retention set from ${v
          .split(/[,\n)}]/)[0]!
          .trim()
          .slice(0, 60)} (value not known here)`,
      ];
    }
  }
}

/**
 * A construct's properties passed as a variable (`new DatabaseInstance(this, 'Db', dbProps)`): the
 * object literal that variable is declared with in the same file (`const dbProps: … = {…}`),
 * appended to the call's text; the call as it is otherwise.
 */
function withProps(text: string, call: string): string {
  if (call.includes('{')) return call;
  const last = /,\s*([A-Za-z_$][\w$]{0,60})\s*\)?\s*$/.exec(call.slice(0, 400));
  if (!last) return call;
  const decl = new RegExp(
    `(?:^|[^\\w$])(?:const|let|var)\\s+${escapeRe(last[1]!)}(?![\\w$])[^=\\n]{0,120}=\\s*\\{`,
  ).exec(text);
  if (!decl) return call;
  const open = decl.index + decl[0].length - 1;
  return `${call} ${text.slice(open, Math.min(text.length, open + 8000))}`;
}

/** `Tags.of(db).add('devx-backup-enabled', 'true')`: a tag whose key names backups, switched on. */
const TAG_ADD =
  /\bTags\.of\(\s*([\w$.]{1,80})\s*\)\.add\(\s*["'`]([\w:./-]{0,80}backup[\w:./-]{0,80})["'`]\s*,\s*["'`]?(true|yes|enabled|on|daily|[\w-]{0,40}backup[\w-]{0,40})["'`]?/gi;

/** The backup tag set on the store a construct call at `at` creates (`const db = new …`), cited `key: value`. */
function backupTag(text: string, at: number): string | undefined {
  const before = text.slice(Math.max(0, at - 120), at);
  const name = /(?:\b(?:const|let|var)\s+|\bthis\.|\bself\.)?([\w$]{1,60})\s*(?::[^=\n]{0,80})?=\s*$/.exec(before)?.[1];
  if (!name) return undefined;
  TAG_ADD.lastIndex = 0;
  let count = 0;
  for (let m = TAG_ADD.exec(text); m && count < 200; m = TAG_ADD.exec(text), count++) {
    const target = m[1]!.replace(/^(?:this|self)\./, '');
    if (target === name) return `${m[2]}: ${m[3]}, line ${lineAt(text, m.index)}`;
  }
  return undefined;
}

const HEALTH_CHECK = /\bhealth_?[cC]heck\s*[:=]|\.configure_?[hH]ealth_?[cC]heck\s*\(/;

function compute(files: FileView): CdkFacts {
  const apps = files
    .match(['**/cdk.json'])
    .filter((p) => isProductionPath(p) && !isTestPath(p))
    .slice(0, 20);
  const out: CdkFacts = { apps: [], stores: [], compute: [], backupPlans: [] };
  const all = files.paths;
  const seen = new Set<string>();
  for (const app of apps) {
    const dir = dirOf(app);
    const prefix = dir ? `${dir}/` : '';
    const program = all
      .filter(
        (p) =>
          p.startsWith(prefix) &&
          PROGRAM_FILE.test(p) &&
          !NOT_PROGRAM.test(p.slice(prefix.length)) &&
          isProductionPath(p) &&
          !isTestPath(p),
      )
      .slice(0, 2000);
    let read = false;
    for (const path of program) {
      if (seen.has(path)) continue;
      seen.add(path);
      const text = files.read(path);
      if (!text || !USES_CDK.test(text)) continue;
      read = true;
      // A file that configures a health check on its group after creating it (`tg.configureHealthCheck(…)`).
      const fileCheck = /\.configure_?[hH]ealth_?[cC]heck\s*\(/.test(text);
      CONSTRUCT.lastIndex = 0;
      let count = 0;
      for (let m = CONSTRUCT.exec(text); m && count < 500; m = CONSTRUCT.exec(text), count++) {
        const [, ns, name] = m;
        const line = lineAt(text, m.index);
        const call = callText(text, text.indexOf('(', m.index));
        if (name === 'BackupPlan') {
          if (!ns || /^(?:aws_)?backup$/i.test(ns)) out.backupPlans.push({ path, line });
          continue;
        }
        if (/TargetGroup|LoadBalanced|AutoScalingGroup/.test(name!)) {
          const check = HEALTH_CHECK.test(call) || fileCheck ? 'healthCheck' : undefined;
          out.compute.push({ path, line, what: name!, ...(check ? { check } : {}) });
          continue;
        }
        let judged = judgeStore(ns, name!, withProps(text, call));
        // A store tagged for a backup plan (`Tags.of(db).add('backup-enabled', 'true')`): an AWS
        // Backup plan that selects resources by tag covers it, defined elsewhere (blind round 46).
        const tag = judged && judged[1] < 1 ? backupTag(text, m.index) : undefined;
        if (judged && tag)
          judged = [
            judged[0],
            1,
            `tagged for a backup plan (${tag}); the plan that selects the tag is not in this repository, ${judged[2]}`,
          ];
        if (judged) out.stores.push({ path, line, what: judged[0], score: judged[1], note: judged[2] });
      }
      ADD_TARGETS.lastIndex = 0;
      count = 0;
      for (let m = ADD_TARGETS.exec(text); m && count < 200; m = ADD_TARGETS.exec(text), count++) {
        const call = callText(text, m.index + m[0].length - 1);
        out.compute.push({
          path,
          line: lineAt(text, m.index),
          what: 'listener targets',
          ...(HEALTH_CHECK.test(call) || fileCheck ? { check: 'healthCheck' } : {}),
        });
      }
    }
    if (read) out.apps.push(app);
  }
  return out;
}

/** The CDK apps here, the data stores and load-balanced compute their programs declare (memoised). */
export function cdk(files: FileView): CdkFacts {
  return memo(files, 'cdk', () => compute(files));
}
