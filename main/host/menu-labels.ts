const en = {
  vault: 'Vault',
  lock: 'Lock',
  close: 'Close',
  quit: 'Quit',
  edit: 'Edit',
  view: 'View',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullscreen: 'Full Screen',
  window: 'Window',
};
const zh: typeof en = {
  vault: '保险库',
  lock: '锁定',
  close: '关闭',
  quit: '退出',
  edit: '编辑',
  view: '视图',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullscreen: '全屏',
  window: '窗口',
};

/** The native menu follows the OS language (the renderer's choice is not known before unlock). */
export const menuLabels = (locale: string) => (locale.toLowerCase().startsWith('zh') ? zh : en);
