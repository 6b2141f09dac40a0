import type { enEdge } from './edge.en.ts';

/** Russian texts of edge mode. */
export const ruEdge: Record<keyof typeof enEdge, string> = {
  'action.edge.sync': 'Синхронизация пограничного узла с центром (машинные токены)',
  'edge.online': 'Связь с центром есть',
  'edge.offline': 'Работа без связи: центр недоступен',
  'edge.listsAsOf': 'Списки по состоянию на {when} ({minutes} мин назад)',
  'edge.listsNever': 'Списки ещё не получены из центра',
  'edge.pending': 'Пересечений ожидают отправки: {count}',
  'edge.rejected': 'Пересечений отклонено центром (на проверку): {count}',
  'edge.clockWarnings': 'Пересечений записано при отставших часах: {count}',
  'edge.adjudicationsPending': 'Решений по совпадениям ожидают отправки: {count}',
  'edge.adjudicationsRejected': 'Решений по совпадениям центр не смог применить (на проверку): {count}',
  'edge.conflicts.title': 'Конфликты документов',
  'edge.conflicts.summary': 'Один документ использован в двух пунктах пропуска за время, за которое невозможно доехать. Оба пересечения сохранены.',
  'edge.conflicts.state': 'Показать',
  'edge.conflicts.open': 'Открытые',
  'edge.conflicts.resolvedState': 'Проверенные',
  'edge.conflicts.none': 'Конфликтов нет.',
  'edge.conflict.interval': 'С разницей {minutes} мин (минимум {minimum})',
  'edge.conflict.resolution': 'Результат проверки',
  'edge.conflict.resolve': 'Записать проверку',
  'edge.conflict.resolved': 'Проверил(а) {who}: {text}',
  'edge.conflict.recorded': 'Проверка записана: {document}.',
  'error.EDGE.CENTRAL_ONLY': 'Это изменение вносится в центре; пункт пропуска хранит копию.',
  'error.EDGE.CONFLICT_RESOLVED': 'Этот конфликт уже проверен.',
};
