import { Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { ApiErrorAlert } from './api-error';
import type { ApiState } from './use-api';

/** Loading skeleton, error with retry, empty state or the content: the four faces of a loaded screen. */
export function AsyncView<T>({ state, children, isEmpty, empty, rows = 4 }: {
  state: ApiState<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  rows?: number;
}) {
  const t = useT();
  if (state.loading && state.data === undefined) return <Skeleton active paragraph={{ rows }} data-testid="skeleton" />;
  if (state.error) return <ApiErrorAlert error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return null;
  if (isEmpty?.(state.data)) return <>{empty ?? <Empty description={t('common.empty')} />}</>;
  return <>{children(state.data)}</>;
}
