import { api } from './client';
import type { Category, Department } from './types';

// Reference data changes rarely: one request per page load, shared by every screen.
let categories: Promise<Category[]> | null = null;
let departments: Promise<Department[]> | null = null;

export function loadCategories(fresh = false): Promise<Category[]> {
  if (!categories || fresh) {
    categories = api.get('/api/v1/catalog/categories').then((r) => r.items);
    categories.catch(() => (categories = null));
  }
  return categories;
}

export function loadDepartments(fresh = false): Promise<Department[]> {
  if (!departments || fresh) {
    departments = api.get('/api/v1/departments', { query: { pageSize: 200 } }).then((r) => r.items);
    departments.catch(() => (departments = null));
  }
  return departments;
}
