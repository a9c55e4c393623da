import { Alert, Button } from 'antd';
import type { ApiError } from '../api/client';
import { useT, type MessageKey } from '../i18n';

/** What the person can do next, by kind of failure. */
function nextStepKey(e: ApiError): MessageKey {
  if (e.status === 0) return 'error.next.network';
  if (e.status === 401) return 'error.next.login';
  if (e.status === 403) return e.details.some((d) => d.field?.includes('csrf')) ? 'error.next.csrf' : 'error.next.forbidden';
  if (e.status === 404) return 'error.next.notFound';
  if (e.status === 409) return 'error.next.conflict';
  if (e.status === 413) return 'error.next.tooLarge';
  if (e.status === 429) return 'error.next.tooMany';
  if (e.status >= 500) return 'error.next.server';
  return 'error.next.fix';
}

function titleKey(e: ApiError): MessageKey {
  if (e.status === 0) return 'error.title.network';
  if (e.status >= 500) return 'error.title.server';
  return 'error.title.failed';
}

/**
 * Whether an error's details are corrections the person makes (fields, rows of a file, a size): a
 * refusal (401, 403, 404, 409, 429) says everything in its message, and its details are for programs.
 */
const detailsHelp = (e: ApiError): boolean => e.status === 400 || e.status === 413 || e.status === 422;

/**
 * A detail written for people: the server words its corrections in Chinese ("第18位校验码应为 7"); a
 * detail in plain ASCII ("expected YYYY-MM-DD", "required") is a note for API programmers.
 */
const forPeople = (message: string): boolean => /[\u3400-\u9fff]/.test(message);

/** An API error in plain words: the server's message, each correction to make, and what to do next. */
export function ApiErrorAlert({ error, onRetry, compact }: { error: ApiError; onRetry?: () => void; compact?: boolean }) {
  const t = useT();
  const details = detailsHelp(error) ? error.details.filter((d) => d.message && d.message !== error.message && forPeople(d.message)) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="api-error"
      title={t(titleKey(error))}
      description={
        <div>
          <div className="error-message">{error.message}</div>
          {details.length > 0 && !compact && (
            <ul className="error-details">
              {details.slice(0, 20).map((d, i) => (
                <li key={i}>
                  {d.row !== undefined && <span>{t('error.row', { row: d.row })} </span>}
                  {d.message}
                </li>
              ))}
              {details.length > 20 && <li>{t('error.more', { n: details.length - 20 })}</li>}
            </ul>
          )}
          <div className="error-next">{t(nextStepKey(error))}</div>
        </div>
      }
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
