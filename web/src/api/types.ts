// Shapes of the platform's API as the web app reads them: aliases of the OpenAPI document's
// response schemas (schema.ts, openapi.gen.ts), so they cannot drift from what the server sends.
import type { Body, Json } from './schema';

export type SubjectItem = Json<'/api/v1/subjects', 'get'>['items'][number];
export type SubjectView = Json<'/api/v1/subjects/{code}', 'get'>;

/** GET /subjects/:code/archive. */
export type Archive = Json<'/api/v1/subjects/{code}/archive', 'get'>;
/** One record in an archive: its catalog fields by code beside these (readArchive in src/modules/records/archive.ts). */
export type ArchiveRecord = Archive['categories'][number]['records'][number];

export type Category = Json<'/api/v1/catalog/categories', 'get'>['items'][number];
export type FieldDef = Category['fields'][number];

export type Department = Json<'/api/v1/departments', 'get'>['items'][number];

export type ListInfo = Json<'/api/v1/lists', 'get'>['items'][number];

export type ExitReason = Body<'/api/v1/list-entries/{id}/exit', 'post'>['reason'];

/** A list entry as POST /lists/:code/entries and POST /list-entries/:id/exit answer (entryView in src/modules/lists/routes.ts). */
export type ListEntry = Json<'/api/v1/list-entries/{id}/exit', 'post'>;

/** An entry of GET /lists/:code/entries: with its list, subject (natural persons masked) and department code. */
export type PublicListEntry = Json<'/api/v1/lists/{code}/entries', 'get'>['items'][number];
