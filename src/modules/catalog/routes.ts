import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, Paged } from '../../http/schemas.js';
import { CatalogClassView, CategoryBody, CategoryCodeParam, CategoryView } from './schema.js';
import * as catalog from './service.js';

export async function catalogRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/catalog/classes', { schema: { tags: ['catalog'], summary: 'The 13 national catalog classes', response: { 200: Paged(CatalogClassView) } } }, async () => {
    const items = await catalog.listClasses(deps.pool);
    return { items, total: items.length };
  });

  app.get('/catalog/categories', {
    schema: { tags: ['catalog'], summary: 'Categories of the credit information catalog', response: { 200: Paged(CategoryView) } },
  }, async () => {
    const items = await catalog.listCategories(deps.pool);
    return { items, total: items.length };
  });

  app.get('/catalog/categories/:code', {
    schema: { tags: ['catalog'], summary: 'One category with its fields', params: CategoryCodeParam, response: { 200: CategoryView, ...errorResponses } },
  }, async (req) => catalog.getCategory(deps.pool, req.params.code));

  app.post('/catalog/categories', {
    schema: { tags: ['catalog'], summary: 'Add a category (admin, operator)', body: CategoryBody, response: { 201: CategoryView, ...errorResponses } },
  }, async (req, reply) => {
    const c = await catalog.addCategory(deps.pool, req.viewer, req.body);
    return reply.status(201).send(c);
  });
}
