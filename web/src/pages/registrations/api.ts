import { api, apiUrl } from '../../api/client';
import type { Json } from '../../api/schema';

export type RegistrationsPage = Json<'/api/v1/registrations', 'get'>;
export type Registration = RegistrationsPage['items'][number];
export type RegistrationDetail = Json<'/api/v1/registrations/{id}', 'get'>;
export type RegistrationState = 'pending' | 'approved' | 'rejected';
export const PAGE_SIZE = 20;

export const loadRegistrations = (state: RegistrationState | null, page: number, signal?: AbortSignal) =>
  api.get('/api/v1/registrations', { query: { ...(state ? { state } : {}), page, pageSize: PAGE_SIZE } }, signal);
export const loadRegistration = (id: number, signal?: AbortSignal) => api.get('/api/v1/registrations/{id}', { params: { id } }, signal);
export const approveRegistration = (id: number) => api.post('/api/v1/registrations/{id}/approve', {}, { params: { id } });
export const rejectRegistration = (id: number, reason: string) => api.post('/api/v1/registrations/{id}/reject', { reason }, { params: { id } });
export const fileUrl = (id: number, fileId: number) => apiUrl(`/registrations/${id}/files/${fileId}`);
