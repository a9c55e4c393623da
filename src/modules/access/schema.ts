import { Type } from '@sinclair/typebox';
import { NullableInteger, NullableString, Paged } from '../../http/schemas.js';

export const DepartmentView = Type.Object({
  id: Type.Integer(), code: Type.String(), name: Type.String(), uscc: NullableString, region: NullableString, active: Type.Boolean(),
});

export const MeView = Type.Object({
  role: Type.String({ description: 'admin, operator, department, lender, subject, or public when not logged in' }),
  username: NullableString, departmentId: NullableInteger, subjectId: NullableInteger,
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'of the cookie session; echo it in the X-CSRF-Token header of unsafe requests' }),
});

export const UserView = Type.Object({
  id: Type.Integer(), username: Type.String(), displayName: Type.String(), role: Type.String(), departmentId: NullableInteger,
  subjectId: NullableInteger, locked: Type.Boolean(), disabled: Type.Boolean(),
});

export const AuditEntry = Type.Object({
  seq: Type.Integer(), at: Type.String(), actorKind: Type.String(), actorId: NullableString, actorName: NullableString, departmentId: NullableInteger,
  action: Type.String(), subjectId: NullableInteger, categories: Type.Array(Type.String()), purpose: NullableString, ip: NullableString,
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'what the action touched; its keys depend on the action' }),
  prevHash: Type.Union([Type.String(), Type.Null()], { description: 'null until the sequencer seals the entry into the chain (within AUDIT_SEAL_MS)' }),
  hash: Type.Union([Type.String(), Type.Null()], { description: 'null until sealed, like prevHash' }),
});

export const ApiKeyView = Type.Object({
  id: Type.Integer(), departmentId: Type.Integer(), departmentCode: Type.String(), name: Type.String(), prefix: Type.String(), scopes: Type.Array(Type.String()),
  expiresAt: NullableString, revokedAt: NullableString, createdAt: Type.String(), lastUsedAt: NullableString,
});

export const GrantView = Type.Object({
  id: Type.Integer(), subjectId: Type.Integer(), grantee: Type.String({ description: 'the lender\'s display name or the department\'s name' }),
  categories: Type.Array(Type.String(), { description: 'empty: every authorised (B) category' }), purpose: Type.String(),
  expiresAt: Type.String(), createdAt: Type.String(), revokedAt: NullableString,
});

export const AccessLogPage = Paged(Type.Object({
  at: Type.String(), actor: NullableString, actorKind: Type.String(), departmentId: NullableInteger, purpose: NullableString, categories: Type.Array(Type.String()),
}));
