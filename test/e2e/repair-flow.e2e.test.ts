import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { admin, apiCall, cli, countOf, launchBrowser, loginUi, newPage, see, shot, subjectsWith, textOf } from './helpers.js';

// A subject applies in the portal to repair a penalty, with the materials the rule asks for as
// uploaded files (one held back: returned, then sent from its list of applications);
// the credit centre approves it in the console; the party page stops showing it.

let browser: Browser;

beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

interface Eligibility { eligible: boolean; materials: { required: { code: string; name: string }[] } }

/** A demo party with a published penalty the repair rule lets it repair today. */
async function eligiblePenalty(): Promise<{ uscc: string; name: string; recordId: number; materials: string[] }> {
  const s = await admin();
  for (const party of await subjectsWith('penalty', 40)) {
    const a = await apiCall<{ categories: { code: string; records: { id: number; state: string }[] }[] }>('GET', `/api/v1/subjects/${party.uscc}/archive`);
    for (const r of a.body.categories.find((c) => c.code === 'penalty')?.records ?? []) {
      if (r.state !== 'active') continue;
      const e = await apiCall<Eligibility>('GET', `/api/v1/repairs/eligibility?record=${r.id}`, undefined, s);
      if (e.status === 200 && e.body.eligible) return { ...party, recordId: r.id, materials: e.body.materials.required.map((m) => m.code) };
    }
  }
  throw new Error('the demo city has no penalty that may be repaired today');
}

describe('repair flow', () => {
  it('portal repair application with uploaded materials, returned as incomplete and completed by the applicant → approved in the console → off the party page', async () => {
    const target = await eligiblePenalty();
    const username = `e2e_repair_${Date.now().toString(36)}`;
    const made = cli('user', 'add', '--username', username, '--role', 'subject', '--subject', target.uscc, '--password', 'e2e-password-123');
    expect(made.status, made.out).toBe(0);
    const proof = path.join(os.tmpdir(), `xinyong-e2e-proof-${Date.now()}.pdf`);
    await writeFile(proof, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

    // The subject applies, attaching one file per required material but the last.
    expect(target.materials.length).toBeGreaterThan(1);
    const [held, ...given] = [target.materials.at(-1)!, ...target.materials.slice(0, -1)];
    const subject = await newPage(browser);
    await loginUi(subject.page, username, 'e2e-password-123', `/repairs?subject=${target.uscc}&record=${target.recordId}`);
    await see(subject.page.getByTestId('eligibility'));
    for (const code of given) {
      await subject.page.getByTestId(`repair-material-${code}`).locator('input[type=file]').setInputFiles(proof);
      await see(subject.page.getByTestId(`repair-material-${code}`).locator('.ant-upload-list-item'));
    }
    await subject.page.getByTestId('repair-statement').fill('已全额缴纳罚款并完成整改，附缴款凭证及信用修复承诺书。');
    await shot(subject.page, 'portal-repair-application');
    await subject.page.getByTestId('repair-submit').click();
    await see(subject.page.getByTestId('repair-filed'));
    const no = (await subject.page.getByTestId('repair-no').innerText()).replace(/\D/g, '');
    expect(no).not.toBe('');
    await textOf(subject.page.getByTestId('repair-filed')).toContain('材料不全，已退回补正');
    await shot(subject.page, 'portal-repair-filed');

    // Returned as incomplete: the subject sends the missing material from its list of applications.
    await subject.page.goto('/repairs');
    await subject.page.getByRole('tab', { name: '我的申请' }).click();
    await subject.page.getByTestId(`supply-material-${held}`).locator('input[type=file]').setInputFiles(proof);
    await see(subject.page.getByTestId(`supply-material-${held}`).locator('.ant-upload-list-item'));
    await shot(subject.page, 'portal-repair-supply');
    await subject.page.getByTestId('supply-submit').click();
    await textOf(subject.page.getByTestId(`repair-state-${no}`)).toBe('已受理，审核中');

    // The credit centre finds it in the repair inbox with its deadline and approves it.
    const centre = await newPage(browser);
    await loginUi(centre.page, 'admin', inject('adminPassword'), '/console/repairs');
    const row = centre.page.getByTestId('repair-inbox').locator(`tr[data-row-key="${no}"]`);
    await see(row);
    await shot(centre.page, 'console-repair-inbox');
    await row.click();
    await centre.page.getByTestId('repair-decision-reason').fill('材料齐全，已履行行政处罚义务，准予修复。');
    await centre.page.getByTestId('repair-decision-submit').click();
    // Approving takes the record off publication: the centre confirms first.
    await centre.page.locator('.ant-modal-confirm').getByTestId('repair-confirm-ok').click();
    await countOf(centre.page.getByTestId('repair-inbox').locator(`tr[data-row-key="${no}"]`)).toBe(0);

    // The subject sees the outcome; the public no longer sees the penalty.
    await subject.page.goto('/repairs');
    await subject.page.getByRole('tab', { name: '我的申请' }).click();
    await textOf(subject.page.getByTestId('my-repairs').locator(`text=#${no}`).locator('xpath=ancestor::li')).toContain('准予修复');
    const anon = await newPage(browser);
    await anon.page.goto(`/subjects/${target.uscc}`);
    await textOf(anon.page.getByTestId('party-name')).toBe(target.name);
    await countOf(anon.page.locator(`[data-record-id="${target.recordId}"]`)).toBe(0);
    const archive = await apiCall<{ categories: { records: { id: number }[] }[] }>('GET', `/api/v1/subjects/${target.uscc}/archive`);
    expect(archive.body.categories.flatMap((c) => c.records.map((r) => r.id))).not.toContain(target.recordId);
    for (const p of [subject, centre, anon]) await p.context.close();
  });
});
