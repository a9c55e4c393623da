import type { Lang } from '../../i18n';

/** What each API key scope lets the department's system do, in words (the code stays beside it for the integrator). */
export const SCOPE_WORDS: Record<string, Record<Lang, string>> = {
  'records:write': { 'zh-CN': '报送信用记录', 'en-US': 'Submit credit records' },
  'archive:read': { 'zh-CN': '查询信用档案（含非公开信息，须说明用途）', 'en-US': 'Read credit archives (non-public with a purpose)' },
  'reviews:write': { 'zh-CN': '发起信用审查', 'en-US': 'Run credit reviews' },
  'reports:write': { 'zh-CN': '申请信用报告', 'en-US': 'Request credit reports' },
  'exchange:write': { 'zh-CN': '上级平台交换（推送修复、撤销等状态变更）', 'en-US': 'Platform exchange (state changes from another platform)' },
};

export const scopeWords = (scope: string, lang: Lang): string => SCOPE_WORDS[scope]?.[lang] ?? scope;
