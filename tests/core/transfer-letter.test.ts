import { describe, expect, it } from 'vitest';
import { testLedger, zipPart } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { CUT_DASH, seamText } from '../../templates/transfer-letter.ts';

/** The visible text of each paragraph of document.xml. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

async function setup() {
  const l = await testLedger();
  const { branchId } = await bureau(l, { branches: [{ termStartOn: null }] });
  const m = await member(l, branchId, {
    name: '张卫东', ethnicity: '回族', birthDate: '1988-12-01', joinDate: '2012-06-20', fullDate: null, partyStatus: '预备', phone: '13900001111',
  });
  return { l, m };
}

/** Dues paid through the dues handlers: the year's standard fixed, then the months paid, each on the 5th. */
async function payDues(l: Awaited<ReturnType<typeof setup>>['l'], memberId: string, months: string[]) {
  await l.call('dues/assess-save', { year: 2026, entries: [{ memberId, baseFen: 500_000 }] });
  for (const month of months) await l.call('dues/pay', { memberId, months: [month], paidOn: `${month}-05`, method: '现金' });
}

describe('the 介绍信 read back', () => {
  it('has the three parts with one number, the dues month from the ledger and Chinese numerals', async () => {
    const { l, m } = await setup();
    await payDues(l, m.id, ['2026-09', '2026-10', '2026-11']);
    await l.call('transfers/save-settings', { validityDaysDefault: 30, validityDaysMax: 90, numeralStyle: 'chinese' });
    // the 党委's address block is kept in 单位设置
    const { unitName, committeeName } = await l.call('setup/status', {});
    await l.call('org/settings-save', { unitName, committeeName, sealText: '', committeeAddress: '江城市临江路1号', committeePhone: '0710-1234567', committeeFax: '0710-7654321', committeePostcode: '441000' });
    const plan = await l.call('transfers/plan-out', { memberId: m.id, transferDate: '2026-11-28' });
    expect(plan).toMatchObject({ ledgerDuesPaidTo: '2026-11', duesPaidTo: '2026-11', duesSource: 'ledger', warnings: [] });
    const conflict = l.call('transfers/out', { memberId: m.id, toOrg: '中共江城市公安局交警支队委员会', transferDate: '2026-11-28', duesPaidTo: '2026-10' });
    await expect(conflict).rejects.toThrow(/党费台账显示该同志党费已交到 2026-11/);
    const t = await l.call('transfers/out', { memberId: m.id, toOrg: '中共江城市公安局交警支队委员会', transferDate: '2026-11-28' });
    expect(t).toMatchObject({ duesPaidTo: '2026-11', duesSource: 'ledger' });

    const file = await l.call('transfers/letter', { id: t.id });
    expect(file.fileName).toBe('党员组织关系介绍信第2026001号（张卫东）.docx');
    expect(file.warnings).toEqual([]);
    const xml = await zipPart(Buffer.from(file.contentBase64, 'base64'), 'word/document.xml');
    const text = paragraphs(xml);
    const all = text.join('\n');
    expect(text.filter((p) => p === '中国共产党党员组织关系介绍信')).toHaveLength(3);
    expect(text.filter((p) => /^（(存　根|介绍信|回　执)）$/.test(p))).toEqual(['（存　根）', '（介绍信）', '（回　执）']);
    expect(all.match(/第 2026001 号/g)).toHaveLength(3);
    // the 介绍信 and the 回执 each start a page (no page-break paragraph that could leave an empty page)
    expect((xml.match(/<w:pageBreakBefore\/>/g) ?? []).length).toBe(2);
    expect(xml).not.toContain('<w:br w:type="page"/>');
    // A cut line with the number and （骑缝） ends the 存根 and the 介绍信: between the three parts, one each.
    const cut = (p: string) => p.includes(seamText('2026001')) && p.startsWith(CUT_DASH) && p.endsWith(CUT_DASH);
    const at = (re: RegExp) => text.findIndex((p) => re.test(p));
    const cuts = text.flatMap((p, i) => (cut(p) ? [i] : []));
    expect(cuts).toHaveLength(2);
    expect(at(/^（存　根）$/)).toBeLessThan(cuts[0]);
    expect(cuts[0]).toBeLessThan(at(/^（介绍信）$/));
    expect(at(/^（介绍信）$/)).toBeLessThan(cuts[1]);
    expect(cuts[1]).toBeLessThan(at(/^（回　执）$/));
    expect(text[cuts[0]]).toBe(`${CUT_DASH.repeat(8)} 第2026001号（骑缝） ${CUT_DASH.repeat(8)}`);
    // 存根
    // both organizations with 中共, by one rule: added to ours, not doubled on theirs
    expect(all).toMatch(/张卫东 同志系中共 预备 党员，组织关系由 中共测试分局刑侦大队党支部 转到 中共江城市公安局交警支队委员会 。/);
    expect(all).toContain('（贴回执联处）');
    // 介绍信
    // The letter prints the full number (m, from members/create, carries it masked).
    const { idNumber } = await l.call('members/reveal-id', { id: m.id });
    expect(all).toContain(`\n 张卫东 同志（ 男 ）， 37 岁， 回 族，系中共 预备 党员，身份证号码 ${idNumber} ，`);
    expect(all).toMatch(/由 中共测试分局刑侦大队党支部 去 中共江城市公安局交警支队委员会 ，请转接组织关系。/);
    expect(all).toContain('该同志党费已交到 二〇二六年十一月 。');
    expect(all).toContain('（有效期 三十 天）');
    expect(text.filter((p) => p === '二〇二六年十一月二十八日')).toHaveLength(2);
    expect(all.match(/党费已交到/g)).toHaveLength(1);
    expect(all).toContain('党员联系电话或其他联系方式： 13900001111');
    expect(all).toContain('党员原所在基层党委通讯地址： 江城市临江路1号');
    expect(text).toContain('联系电话： 0710-1234567 　传真： 0710-7654321 ');
    expect(text).toContain('邮编： 441000 ');
    // 回执: addressed to our 基层党委, to be dated and sealed by the receiver.
    expect(all).toContain('中共测试分局委员会 ：');
    expect(all).toContain('张卫东 同志的党员组织关系已转达我处，特此回复。');
    expect(all).toContain('经办人：');
    // The seal only, never a written name in the signature; no Arabic date anywhere.
    expect(text.filter((p) => p === '（盖章）')).toHaveLength(2);
    expect(all).not.toMatch(/2026年|11月|2026-11/);
    // GB/T 9704 fonts with the East-Asian slot set.
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
  });

  it('writes the dues month and the validity in 大写 by default, as the filling rules require, and the date in plain 汉字', async () => {
    // 填写使用说明：党费交至的年、月以及介绍信的有效期均要采用大写的数字表示，以免涂改 (transfer.md §4.2).
    const { l, m } = await setup();
    const t = await l.call('transfers/out', { memberId: m.id, toOrg: '某党委', transferDate: '2026-11-28', duesPaidTo: '2026-11' });
    const xml = await zipPart(Buffer.from((await l.call('transfers/letter', { id: t.id })).contentBase64, 'base64'), 'word/document.xml');
    const text = paragraphs(xml);
    const all = text.join('\n');
    expect(all).toContain('该同志党费已交到 贰零贰陆年壹拾壹月 。');
    expect(all).toContain('（有效期 叁拾 天）');
    expect(text.filter((p) => p === '二〇二六年十一月二十八日')).toHaveLength(2);
    // The 回执 tells the receiver its time limit, as the printed form does.
    expect(all).toContain('注：回执联由接收党员组织关系的基层党委在接收党员后一个月内邮寄或传真至党员原所在基层党委。');
  });

  it('uses the banking capitals when the unit chooses them, and refuses letters for incoming transfers', async () => {
    const { l, m } = await setup();
    await l.call('transfers/save-settings', { validityDaysDefault: 10, validityDaysMax: 90, numeralStyle: 'financial' });
    const t = await l.call('transfers/out', { memberId: m.id, toOrg: '某党委', transferDate: '2026-11-28', duesPaidTo: '2026-11' });
    const file = await l.call('transfers/letter', { id: t.id });
    const xml = await zipPart(Buffer.from(file.contentBase64, 'base64'), 'word/document.xml');
    const all = paragraphs(xml).join('\n');
    // 单位设置 has no address block: the letter is made, with a warning the host shows before printing
    expect(file.warnings).toEqual(['单位设置中未填写通讯地址、联系电话、邮编，介绍信上将留空。']);
    // a receiving organization written without 中共 gets it, as ours does
    expect(all).toContain('转到 中共某党委 。');
    expect(all).toContain('该同志党费已交到 贰零贰陆年壹拾壹月 。');
    expect(all).toContain('（有效期 壹拾 天）');
    // Only the month and the validity must be 大写; the date stays in plain 汉字.
    expect(all).toContain('\n二〇二六年十一月二十八日');
    const back = await l.call('transfers/in', { mode: 'rejoin', memberId: m.id, branchId: m.branchId, letterNo: '9', fromOrg: '某党委', letterDate: '2026-11-28', transferDate: '2026-11-28' });
    await expect(l.call('transfers/letter', { id: back.id })).rejects.toThrow(/只有转出记录才打印介绍信/);
  });
});
