/**
 * The one place ECharts is set up: only the charts and components the 统计分析
 * charts use, drawn on canvas (works in headless Chromium and gives getDataURL
 * a PNG). Everything is bundled by vite; nothing is fetched at run time.
 */
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BarChart, FunnelChart, HeatmapChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import VChart from 'vue-echarts';

use([CanvasRenderer, BarChart, FunnelChart, HeatmapChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent]);

export { VChart };
/** init-options of every chart: canvas, never SVG. */
export const INIT_OPTIONS = { renderer: 'canvas' as const, locale: 'ZH' };
