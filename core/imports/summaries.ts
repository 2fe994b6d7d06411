/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'imports/prepare': '预先启动工作簿读取程序',
  'imports/progress': '读取工作簿的进度',
  'imports/cancel': '取消正在读取的工作簿',
};
