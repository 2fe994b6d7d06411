/** Prints a 介绍信: when 单位设置 lacks the 党委's address block, the clerk is asked first (the letter would carry blanks). */
import { ElMessageBox } from 'element-plus';
import { call } from '../../api/client';
import { attempt } from '../../notify';
import { previewFile } from '../../preview';

export async function printTransferLetter(id: string): Promise<void> {
  await attempt(async () => {
    const file = await call('transfers/letter', { id });
    if (file.warnings.length) {
      const go = await ElMessageBox.confirm(`${file.warnings.join('')}仍要打印吗？`, '单位设置未填全', {
        type: 'warning',
        confirmButtonText: '仍要打印',
        cancelButtonText: '取消',
      }).then(
        () => true,
        () => false,
      );
      if (!go) return;
    }
    previewFile(file, '已生成介绍信');
  });
}
