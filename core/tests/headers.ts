/**
 * The columns of a score workbook, by header variants: 问卷星's export (序号, 提交答卷时间,
 * 所用时间, 来源, 来源详情, 来自IP, 总分, then "1、…" per question, the name, phone or 警号
 * being the questionnaire's own fill-in questions, so headed "1、您的姓名：" or similar),
 * 考试宝 (no score-export format was found, study.md 8.5) and any sheet with 姓名 plus
 * 成绩/得分/总分. Headers are compared after core/xlsx's normalisation (no spaces, no
 * bracketed hints); the numbered question forms are listed here so the shared reader
 * stays as it is.
 */
export type ScoreCol = 'name' | 'score' | 'department' | 'branch' | 'idNumber' | 'policeNo' | 'phone';

const BASE: Record<ScoreCol, string[]> = {
  name: ['姓名', '您的姓名', '你的姓名', '真实姓名', '考生姓名', '参考人员', '参考人', '答题人', '填写人', '名字', '请输入您的姓名', '请填写您的姓名', '请输入姓名', '请填写姓名'],
  score: ['成绩', '得分', '总分', '分数', '考试成绩', '考试得分', '测试成绩', '最终得分', '最终成绩', '总成绩'],
  department: ['部门', '所在部门', '单位', '所在单位', '科室', '所在科室', '科所队', '所在科所队', '部门单位', '单位部门', '单位/部门', '部门/单位', '您的部门', '您所在的部门', '请输入您的部门', '请填写您的部门', '请选择您的部门'],
  branch: ['党支部', '所在支部', '所在党支部', '所属支部', '支部'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证', '您的身份证号'],
  policeNo: ['警号', '您的警号', '请输入您的警号', '请填写您的警号'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', '您的手机号', '您的手机号码', '请输入您的手机号', '请输入您的手机号码', '请填写您的手机号码'],
};

/** "1、您的姓名：", "2.警号", "3．手机号码:" as 问卷星 heads its fill-in questions. */
function numbered(names: string[]): string[] {
  const out: string[] = [];
  for (const n of names)
    for (const tail of ['', '：', ':'])
      for (let q = 1; q <= 60; q++) for (const sep of ['、', '.', '．']) out.push(`${q}${sep}${n}${tail}`);
  return out;
}

export const SCORE_VARIANTS: Record<ScoreCol, string[]> = Object.fromEntries(
  (Object.entries(BASE) as [ScoreCol, string[]][]).map(([k, names]) => [k, [...names, ...names.flatMap((n) => [`${n}：`, `${n}:`]), ...(k === 'score' ? [] : numbered(names))]]),
) as Record<ScoreCol, string[]>;

export const SCORE_COLUMN_LABELS: Record<ScoreCol, string> = {
  name: '姓名',
  score: '成绩',
  department: '部门',
  branch: '党支部',
  idNumber: '身份证号',
  policeNo: '警号',
  phone: '手机号',
};
