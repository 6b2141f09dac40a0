import type { enEdge } from './edge.en.ts';

/** Armenian texts of edge mode. */
export const hyEdge: Record<keyof typeof enEdge, string> = {
  'action.edge.sync': 'Եզրային հանգույցի համաժամացում կենտրոնի հետ (մեքենայական բանալիներ)',
  'edge.online': 'Կապ կա կենտրոնի հետ',
  'edge.offline': 'Աշխատանք առանց կապի․ կենտրոնը հասանելի չէ',
  'edge.listsAsOf': 'Ցուցակները՝ {when} դրությամբ ({minutes} րոպե առաջ)',
  'edge.listsNever': 'Ցուցակները դեռ չեն ստացվել կենտրոնից',
  'edge.pending': 'Ուղարկման սպասող հատումներ՝ {count}',
  'edge.rejected': 'Կենտրոնի կողմից մերժված հատումներ (վերանայման)՝ {count}',
  'edge.clockWarnings': 'Հետ գնացած ժամացույցով գրանցված հատումներ՝ {count}',
  'edge.adjudicationsPending': 'Ուղարկման սպասող որոշումներ համընկնումների վերաբերյալ՝ {count}',
  'edge.adjudicationsRejected': 'Համընկնումների վերաբերյալ որոշումներ, որոնք կենտրոնը չկարողացավ կիրառել (վերանայման)՝ {count}',
  'edge.conflicts.title': 'Փաստաթղթերի հակասություններ',
  'edge.conflicts.summary': 'Նույն փաստաթուղթը երկու անցակետում՝ ավելի կարճ ժամանակում, քան հնարավոր է անցնել։ Երկու հատումներն էլ պահպանվում են։',
  'edge.conflicts.state': 'Ցուցադրել',
  'edge.conflicts.open': 'Բաց',
  'edge.conflicts.resolvedState': 'Վերանայված',
  'edge.conflicts.none': 'Հակասություններ չկան։',
  'edge.conflict.interval': '{minutes} րոպե տարբերությամբ (նվազագույնը՝ {minimum})',
  'edge.conflict.resolution': 'Վերանայման արդյունքը',
  'edge.conflict.resolve': 'Գրանցել վերանայումը',
  'edge.conflict.resolved': 'Վերանայել է {who}՝ {text}',
  'edge.conflict.recorded': 'Վերանայումը գրանցված է՝ {document}։',
  'error.EDGE.CENTRAL_ONLY': 'Այս փոփոխությունը կատարվում է կենտրոնում․ անցակետը պահում է պատճենը։',
  'error.EDGE.CONFLICT_RESOLVED': 'Այս հակասությունն արդեն վերանայվել է։',
};
