/** The font stack of every page and of its printed margins: a CJK face first, so Chinese is never drawn in a fallback. */
export const PAGE_FONT_FAMILY = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";
