import { api } from './client';
import type { Category, Department, ListInfo } from './types';

// Reference data changes rarely: one request per page load, shared by every screen.
let categories: Promise<Category[]> | null = null;
let departments: Promise<Department[]> | null = null;
let lists: Promise<ListInfo[]> | null = null;

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

/** The lists (for their names by code); the public ones for the public, all for staff. */
export function loadLists(fresh = false): Promise<ListInfo[]> {
  if (!lists || fresh) {
    lists = api.get('/api/v1/lists').then((r) => r.items);
    lists.catch(() => (lists = null));
  }
  return lists;
}
