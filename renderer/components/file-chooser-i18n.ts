import { defineMessages } from '../i18n';

export const fileChooserText = defineMessages({
  en: {
    chooseFile: 'Choose file…',
    chooseSave: 'Save as…',
    chooseFolder: 'Choose folder…',
    usePath: 'Use this path',
    pathPlaceholderOpen: 'Full path of the file, e.g. /home/me/Documents/recipients.csv',
    pathPlaceholderSave: 'Full path of the new file, e.g. /home/me/Documents/export.csv',
    pathPlaceholderFolder: 'Full path of a folder, e.g. /home/me/Documents/Backups',
    chosen: 'Chosen: {name}',
    clear: 'Choose another',
    rootsHint: 'In the browser window the app reads and writes only inside the folders granted in Settings → Files.',
    suggestedHint: 'End the path with / to use the name {name}. ',
  },
  'zh-CN': {
    chooseFile: '选择文件…',
    chooseSave: '另存为…',
    chooseFolder: '选择文件夹…',
    usePath: '使用此路径',
    pathPlaceholderOpen: '文件的完整路径，例如 /home/me/Documents/recipients.csv',
    pathPlaceholderSave: '新文件的完整路径，例如 /home/me/Documents/export.csv',
    pathPlaceholderFolder: '文件夹的完整路径，例如 /home/me/Documents/Backups',
    chosen: '已选择：{name}',
    clear: '重新选择',
    rootsHint: '在浏览器窗口中，本应用只读写“设置 → 文件”中授权的文件夹。',
    suggestedHint: '路径以 / 结尾即使用文件名 {name}。',
  },
});
