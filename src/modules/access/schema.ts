import { Type, type Static } from '@sinclair/typebox';
import { NullableInteger, NullableString, PageQuery, Paged } from '../../http/schemas.js';
import { ROLES, SCOPES } from './viewer.js';

/** `?page=&pageSize=` alone. */
export const PageOnlyQuery = Type.Object(PageQuery);

export const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) });

export const LoginView = Type.Object({ username: Type.String(), role: Type.String(), departmentId: Type.Union([Type.Integer(), Type.Null()]), expiresAt: Type.String(), csrfToken: Type.String() });

export const DepartmentView = Type.Object({
  id: Type.Integer(), code: Type.String(), name: Type.String(), uscc: NullableString, region: NullableString, active: Type.Boolean(),
});

export const DepartmentBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), name: Type.String({ minLength: 1, maxLength: 200 }), uscc: Type.Optional(Type.String()), region: Type.Optional(Type.String()) }, { additionalProperties: false });

export const DepartmentsPage = Paged(DepartmentView);

export const MeView = Type.Object({
  role: Type.String({ description: 'admin, operator, department, lender, subject, or public when not logged in' }),
  username: NullableString, departmentId: NullableInteger, subjectId: NullableInteger,
  displayName: Type.Union([Type.String(), Type.Null()], { description: 'the account\'s name as shown in the header (a subject account: its enterprise or person)' }),
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'of the cookie session; echo it in the X-CSRF-Token header of unsafe requests' }),
});

export const UserView = Type.Object({
  id: Type.Integer(), username: Type.String(), displayName: Type.String(), role: Type.String(), departmentId: NullableInteger,
  departmentCode: NullableString, departmentName: NullableString,
  subjectId: Type.Union([Type.Integer(), Type.Null()], { description: 'the verified subject a subject account speaks for' }),
  lastLoginAt: Type.Union([Type.String(), Type.Null()], { description: 'the last successful login; null if never' }),
  failedLogins: Type.Integer({ description: 'failed logins since the last success' }),
  locked: Type.Boolean({ description: 'locked out after repeated failed logins, until the lock expires or an admin unlocks it' }),
  disabled: Type.Boolean({ description: 'disabled by an admin: cannot log in, has no sessions' }),
});

/** The body of an admin action on an account that takes no input (the web client always sends one). */
export const NoInputBody = Type.Object({}, { additionalProperties: false });

export const UserRoleBody = Type.Object({
  role: Type.Optional(Type.Union(ROLES.map((r) => Type.Literal(r)))),
  department: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()], { description: 'department code; null: none' })),
}, { additionalProperties: false });

export const PasswordResetView = Type.Object({
  user: UserView,
  password: Type.String({ description: 'the new generated password, shown this once; only its hash is stored' }),
});

export const UserBody = Type.Object({
  username: Type.String(), password: Type.String(), displayName: Type.Optional(Type.String()),
  role: Type.Union(ROLES.map((r) => Type.Literal(r))), department: Type.Optional(Type.String()),
  subject: Type.Optional(Type.String({ description: 'for role subject: USCC or ID number of the verified subject' })),
}, { additionalProperties: false });
export type UserBody = Static<typeof UserBody>;

export const CreatedUserView = Type.Object({ id: Type.Integer(), username: Type.String(), role: Type.String() });

export const UsersPage = Paged(UserView);

export const AuditQuery = Type.Object({
  subject: Type.Optional(Type.String({ maxLength: 64, description: 'the subject: its numeric id, USCC, ID number or legacy code' })),
  actor: Type.Optional(Type.String({ maxLength: 100, description: 'a user name, or an actor id' })),
  action: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_.]{0,62}\\*?$' }), {
    maxItems: 50, description: 'actions to list: exact names, or a prefix ending in * (`objection.*`); repeat the parameter for several',
  })),
  from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })), ...PageQuery,
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  seq: Type.Integer(), at: Type.String(), actorKind: Type.String(), actorId: NullableString, actorName: NullableString, departmentId: NullableInteger,
  action: Type.String(), subjectId: NullableInteger, categories: Type.Array(Type.String()), purpose: NullableString, ip: NullableString,
  subjectName: NullableString, subjectCode: Type.Union([Type.String(), Type.Null()], { description: 'USCC, or the masked ID number of a person' }), departmentName: NullableString,
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'what the action touched; its keys depend on the action' }),
  prevHash: Type.Union([Type.String(), Type.Null()], { description: 'null until the sequencer seals the entry into the chain (within AUDIT_SEAL_MS)' }),
  hash: Type.Union([Type.String(), Type.Null()], { description: 'null until sealed, like prevHash' }),
});

export const AuditPage = Paged(AuditEntry);

export const ApiKeyBody = Type.Object({
  department: Type.String(), name: Type.Optional(Type.String({ maxLength: 100 })),
  scopes: Type.Array(Type.String(), { description: `any of ${SCOPES.join(', ')}` }), expiresAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
}, { additionalProperties: false });

export const IssuedKeyView = Type.Object({ id: Type.Integer(), key: Type.String(), prefix: Type.String() });

export const ApiKeyView = Type.Object({
  id: Type.Integer(), departmentId: Type.Integer(), departmentCode: Type.String(), name: Type.String(), prefix: Type.String(), scopes: Type.Array(Type.String()),
  expiresAt: NullableString, revokedAt: NullableString, createdAt: Type.String(), lastUsedAt: NullableString,
});

export const ApiKeysPage = Paged(ApiKeyView);

export const GrantBody = Type.Object({
  grantee: Type.String({ minLength: 1 }), scope: Type.Optional(Type.Array(Type.String())),
  purpose: Type.String({ minLength: 1, maxLength: 200 }), expiresAt: Type.String(),
}, { additionalProperties: false });

export const GrantView = Type.Object({
  id: Type.Integer(), subjectId: Type.Integer(),
  grantor: Type.String({ description: 'the name of the subject that gave the grant' }),
  grantorKind: Type.String({ description: 'legal_person, sole_trader, natural_person …' }),
  grantorCode: Type.Union([Type.String(), Type.Null()], { description: 'the grantor\'s USCC, or a person\'s masked ID number' }),
  grantee: Type.String({ description: 'the lender\'s display name or the department\'s name' }),
  categories: Type.Array(Type.String(), { description: 'empty: every authorised (B) category' }), purpose: Type.String(),
  expiresAt: Type.String(), createdAt: Type.String(), revokedAt: NullableString,
});

export const GrantsPage = Paged(GrantView);

export const AccessLogPage = Paged(Type.Object({
  at: Type.String(), actor: NullableString, actorKind: Type.String(), departmentId: NullableInteger, purpose: NullableString, categories: Type.Array(Type.String()),
}));
