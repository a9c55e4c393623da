// What each role may see and do in the web app, decided in one place. The server enforces the
// same rules; this only keeps screens and menu entries away from roles that would get a 403.

export const ROLES = ['admin', 'operator', 'department', 'lender', 'subject'] as const;
export type Role = (typeof ROLES)[number];
export type Viewer = Role | 'public';

/** The API sends roles as plain strings. */
export const isViewer = (role: string): role is Viewer => role === 'public' || (ROLES as readonly string[]).includes(role);

const STAFF: Role[] = ['admin', 'operator', 'department'];
const CENTER: Role[] = ['admin', 'operator'];

const RULES = {
  console: [...ROLES],
  dashboard: STAFF,
  submissions: STAFF,
  catalogView: STAFF,
  catalogEdit: CENTER,
  objectionInbox: STAFF,
  objectionDecide: STAFF,
  repairInbox: STAFF,
  repairDecide: CENTER,
  commitmentInbox: STAFF,
  commitmentItems: CENTER,
  listManage: STAFF,
  listDeclare: CENTER,
  review: STAFF,
  measures: STAFF,
  measureManage: CENTER,
  evaluation: STAFF,
  evaluationManage: CENTER,
  inspection: STAFF,
  reports: CENTER,
  users: ['admin'],
  departments: CENTER,
  departmentCreate: CENTER,
  keys: CENTER,
  audit: ['admin'],
  account: ['lender', 'subject'],
  quality: STAFF,
  qualityManage: CENTER,
  calendarEdit: CENTER,
  registrations: CENTER,
} satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof RULES;

/** May this viewer use this screen or action? */
export function can(viewer: Viewer | null | undefined, permission: Permission): boolean {
  if (!viewer || viewer === 'public') return false;
  return (RULES[permission] as readonly Role[]).includes(viewer);
}

/** The console's landing page for a role: the first screen it may use. */
export function homeOf(viewer: Viewer): string {
  if (can(viewer, 'dashboard')) return '/console';
  if (can(viewer, 'account')) return '/console/account';
  return '/';
}
