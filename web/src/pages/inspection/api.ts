import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';

// 双随机一公开: src/modules/inspection (routes.ts, schema.ts; the draw itself in draw.ts).

/** GET /inspection/items: a department's 检查事项清单, withdrawn items included (active false). */
export type Item = Json<'/api/v1/inspection/items', 'get'>['items'][number];
export type NewItem = Body<'/api/v1/inspection/items', 'post'>;
export type ItemChange = Body<'/api/v1/inspection/items/{id}', 'put'>;
/** GET /inspection/inspectors: 执法检查人员 with their declared conflicts of interest (回避). */
export type Inspector = Json<'/api/v1/inspection/inspectors', 'get'>['items'][number];
export type NewInspector = Body<'/api/v1/inspection/inspectors', 'post'>;
/** GET /inspection/policies/{department}: grade → supervision tier → sampling ratio in percent. */
export type Policy = Json<'/api/v1/inspection/policies/{department}', 'get'>;
export type PolicyChange = Body<'/api/v1/inspection/policies/{department}', 'put'>;
export type PlanSummary = Json<'/api/v1/inspection/plans', 'get'>['items'][number];
export type NewPlan = Body<'/api/v1/inspection/plans', 'post'>;
/** GET /inspection/plans/{id}: commitments, tiers, and once drawn the seed and the tasks. */
export type Plan = Json<'/api/v1/inspection/plans/{id}', 'get'>;
export type Task = Plan['tasks'][number];
export type ProblemRate = Json<'/api/v1/inspection/plans/{id}/problem-rate', 'get'>;
export type Verification = Json<'/api/v1/inspection/plans/{id}/verify', 'get'>;
export type Mismatch = Verification['mismatches'][number];
export type ResultInput = Body<'/api/v1/inspection/tasks/{id}/result', 'post'>;
export type Outcome = ResultInput['outcome'];
export const OUTCOMES: Outcome[] = ['passed', 'problems_found', 'not_found'];

/** The published draw inputs (DrawInputs in src/modules/inspection/draw.ts), typed `unknown` in the OpenAPI document. */
export interface DrawInputs {
  department: string;
  name: string;
  period: { from: string; to: string };
  items: { id: number; code: string; name: string }[];
  scope: { kinds?: string[]; regionPrefix?: string | null; industries?: string[] };
  model: string;
  inspectorsPerTask: number;
  distinctUnits: boolean;
  tiers: { tier: string; grade: string | null; ratioBp: number; parties: { id: number; code: string; name: string; grade: string | null }[] }[];
  inspectors: { id: number; name: string; unit: string; certificateNo: string }[];
  excluded: [number, number][];
  directoryHash: string;
}
export const inputsOf = (p: Plan): DrawInputs | null => (p.inputs ?? null) as DrawInputs | null;

export const loadItems = (department: string, signal?: AbortSignal) => api.get('/api/v1/inspection/items', { query: { department } }, signal);
export const addItem = (body: NewItem) => api.post('/api/v1/inspection/items', body);
export const changeItem = (id: number, body: ItemChange) => api.put('/api/v1/inspection/items/{id}', body, { params: { id } });
export const withdrawItem = (id: number) => api.del('/api/v1/inspection/items/{id}', { params: { id } });

export const loadInspectors = (department: string, signal?: AbortSignal) => api.get('/api/v1/inspection/inspectors', { query: { department } }, signal);
export const addInspector = (body: NewInspector) => api.post('/api/v1/inspection/inspectors', body);
export const changeInspector = (id: number, body: Body<'/api/v1/inspection/inspectors/{id}', 'put'>) => api.put('/api/v1/inspection/inspectors/{id}', body, { params: { id } });
export const removeInspector = (id: number) => api.del('/api/v1/inspection/inspectors/{id}', { params: { id } });
export const declareConflict = (id: number, body: Body<'/api/v1/inspection/inspectors/{id}/conflicts', 'post'>) =>
  api.post('/api/v1/inspection/inspectors/{id}/conflicts', body, { params: { id } });

export const loadPolicy = (department: string, model: string | undefined, signal?: AbortSignal) =>
  api.get('/api/v1/inspection/policies/{department}', { params: { department }, query: { model } }, signal);
export const savePolicy = (department: string, body: PolicyChange) => api.put('/api/v1/inspection/policies/{department}', body, { params: { department } });
export const loadModels = (signal?: AbortSignal) => api.get('/api/v1/evaluation/models', {}, signal);

export const loadPlans = (department: string, signal?: AbortSignal) => api.get('/api/v1/inspection/plans', { query: { department } }, signal);
export const createPlan = (body: NewPlan) => api.post('/api/v1/inspection/plans', body);
export const loadPlan = (id: number, signal?: AbortSignal) => api.get('/api/v1/inspection/plans/{id}', { params: { id } }, signal);
export const drawPlan = (id: number) => api.post('/api/v1/inspection/plans/{id}/draw', undefined, { params: { id } });
export const loadProblemRate = (id: number, signal?: AbortSignal) => api.get('/api/v1/inspection/plans/{id}/problem-rate', { params: { id } }, signal);
export const verifyPlan = (id: number, signal?: AbortSignal) => api.get('/api/v1/inspection/plans/{id}/verify', { params: { id } }, signal);
export const recordResult = (taskId: number, body: ResultInput) => api.post('/api/v1/inspection/tasks/{id}/result', body, { params: { id: taskId } });
