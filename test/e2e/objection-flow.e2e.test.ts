import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, cli, countOf, launchBrowser, loginUi, makeUser, newPage, see, shot, subjectsWith, textOf } from './helpers.js';

// An objection filed in the portal by the subject appears in the source department's inbox with its
// deadline; the department corrects the record, and the party page shows the answer and the change.

let browser: Browser;

beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

describe('objection flow', () => {
  it('portal objection → department inbox → answer on the party page', async () => {
    const [party] = await subjectsWith('penalty', 1);
    const archive = await apiCall<{ categories: { code: string; records: { id: number; department: string; CF_WSH?: string }[] }[] }>('GET', `/api/v1/subjects/${party!.uscc}/archive`);
    const record = archive.body.categories.find((c) => c.code === 'penalty')!.records[0]!;
    const username = `e2e_subject_${Date.now().toString(36)}`;
    const made = cli('user', 'add', '--username', username, '--role', 'subject', '--subject', party!.uscc, '--password', 'e2e-password-123');
    expect(made.status, made.out).toBe(0);

    // The subject files the objection in the portal.
    const subject = await newPage(browser);
    await loginUi(subject.page, username, 'e2e-password-123', `/objections?subject=${party!.uscc}&record=${record.id}`);
    await see(subject.page.getByTestId('objection-reason'));
    await subject.page.getByTestId('objection-reason').fill('处罚内容金额有误，应为罚款人民币3000元，附处罚决定书。');
    // Evidence travels with the objection: a scanned decision as a PDF file.
    const evidence = path.join(os.tmpdir(), `xinyong-e2e-evidence-${Date.now()}.pdf`);
    await writeFile(evidence, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await subject.page.getByTestId('objection-evidence').locator('input[type=file]').setInputFiles(evidence);
    await textOf(subject.page.getByTestId('objection-evidence').locator('.ant-upload-list-item')).toContain(path.basename(evidence));
    await subject.page.getByTestId('objection-submit').click();
    await see(subject.page.getByTestId('tracking-no'));
    const trackingNo = (await subject.page.getByTestId('tracking-no').innerText()).trim();
    await shot(subject.page, 'portal-objection-filed');
    await subject.page.goto(`/subjects/${party!.uscc}`);
    await see(subject.page.getByTestId('disputed-banner'));
    await textOf(subject.page.getByTestId('record-notice')).toContain('异议处理中');

    // The source department finds it in its inbox with the deadline, and corrects the record.
    const clerk = await makeUser('department', record.department);
    const dept = await newPage(browser);
    await loginUi(dept.page, clerk.username, clerk.password, '/console/objections');
    await textOf(dept.page.getByTestId('objection-inbox')).toContain(trackingNo);
    await shot(dept.page, 'console-objection-inbox');
    await dept.page.getByTestId('objection-inbox').getByText(trackingNo).click();
    await see(dept.page.getByTestId('decision-submit'));
    await textOf(dept.page.getByTestId('objection-case')).toContain(path.basename(evidence));
    await dept.page.getByTestId('correct-field').click();
    await dept.page.keyboard.type('处罚内容');
    await dept.page.keyboard.press('Enter');
    await dept.page.getByTestId('correct-value').fill('罚款人民币3000元');
    await dept.page.getByTestId('decision-reason').fill('经核实，处罚金额录入有误，已更正为3000元。');
    await shot(dept.page, 'console-objection-answer');
    await dept.page.getByTestId('decision-submit').click();
    // Correcting changes the record: the clerk confirms first.
    await dept.page.locator('.ant-modal-confirm').getByTestId('decision-confirm-ok').click();
    await textOf(dept.page.getByTestId('objection-case')).toContain('经核实');

    // The party page: no more notice, the corrected content, and the subject sees the answer.
    await subject.page.reload();
    await textOf(subject.page.getByTestId('party-name')).toBe(party!.name);
    await countOf(subject.page.getByTestId('disputed-banner')).toBe(0);
    await subject.page.getByRole('tab', { name: /行政处罚/ }).click();
    await textOf(subject.page.locator(`[data-record-id="${record.id}"]`)).toContain('罚款人民币3000元');
    await textOf(subject.page.getByTestId('objection-answer')).toContain('经核实');
    await shot(subject.page, 'portal-party-after-objection');
    const track = await apiCall<{ decidedOn: string | null }>('GET', `/api/v1/objections/track/${trackingNo}`);
    expect(track.body.decidedOn).not.toBeNull();
    await subject.context.close();
    await dept.context.close();
  });
});
