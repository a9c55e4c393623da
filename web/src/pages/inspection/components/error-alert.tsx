import { ApiError } from '../../../api/client';
import { ApiErrorAlert } from '../../../components/api-error';

/**
 * An API error as on every screen, without the field identifiers: the inspection API says in each
 * detail what is wrong, in words, and `tiers[2].ratio` helps no clerk. (A CSRF detail keeps its
 * field: the shared alert tells from it what to do next.)
 */
export function ErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const details = error.details.map((d) => (d.field?.includes('csrf') ? d : { ...d, field: undefined }));
  return <ApiErrorAlert error={new ApiError(error.status, error.code, error.message, details)} onRetry={onRetry} />;
}
