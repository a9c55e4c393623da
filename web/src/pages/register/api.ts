import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';

export type RegistrationBody = Body<'/api/v1/registrations', 'post'>;
export type RegistrationReceipt = Json<'/api/v1/registrations', 'post'>;

export const submitRegistration = (body: RegistrationBody) => api.post('/api/v1/registrations', body);
