import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';

/** GET /users: accounts without password hashes (listUsers in src/modules/access/repo.ts); timestamps are ISO. */
export type UserRow = Json<'/api/v1/users', 'get'>['items'][number];
export type NewUser = Body<'/api/v1/users', 'post'>;
export type RoleChange = Body<'/api/v1/users/{id}', 'patch'>;

export const PAGE_SIZE = 20;
export const loadUsers = (page: number, signal: AbortSignal) => api.get('/api/v1/users', { query: { page, pageSize: PAGE_SIZE } }, signal);
export const createUser = (body: NewUser) => api.post('/api/v1/users', body);
export const disableUser = (id: number) => api.post('/api/v1/users/{id}/disable', {}, { params: { id } });
export const enableUser = (id: number) => api.post('/api/v1/users/{id}/enable', {}, { params: { id } });
export const unlockUser = (id: number) => api.post('/api/v1/users/{id}/unlock', {}, { params: { id } });
export const resetPassword = (id: number) => api.post('/api/v1/users/{id}/reset-password', {}, { params: { id } });
export const changeRole = (id: number, body: RoleChange) => api.patch('/api/v1/users/{id}', body, { params: { id } });
