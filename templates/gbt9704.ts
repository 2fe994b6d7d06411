/**
 * GB/T 9704-2012 typography, held once for every .docx the app makes: A4,
 * margins 37/35/28/26 mm, 22 lines × 28 characters, 2号小标宋 titles, 3号仿宋
 * body, 黑体/楷体 headings, "— 1 —" page numbers, East-Asian font slots set
 * explicitly. The parts live in templates/gbt9704/ (page and type, blocks,
 * tables, footers, document), none importing this file; templates import them
 * from here.
 */
export * from './gbt9704/page.ts';
export * from './gbt9704/blocks.ts';
export * from './gbt9704/tables.ts';
export * from './gbt9704/footers.ts';
export * from './gbt9704/document.ts';
