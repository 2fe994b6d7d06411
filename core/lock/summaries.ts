/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'lock/status': '密码锁是否设置、本会话是否已解锁',
  'lock/unlock': '输入密码解锁',
  'lock/lock': '立即锁定本会话',
  'lock/set': '设置或修改密码锁的密码',
  'lock/set-idle': '修改自动锁定时间',
  'lock/remove': '取消密码锁',
};
