/** Event types other modules and upper platforms can rely on. */
export const EVENT_TYPES = ['list.entered', 'list.exited', 'record.serious_penalty', 'record.expired'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** Announced to upper platforms by the case workflows (in the outbox and the feed, not among the feed's documented types). */
export type ExchangeEventType = 'repair.approved' | 'repair.revoked' | 'commitment.breached';

export interface NewDomainEvent {
  type: EventType | ExchangeEventType;
  subjectId?: number | null;
  payload?: Record<string, unknown>;
}

export interface DomainEvent {
  id: number;
  type: string;
  subjectId: number | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}
