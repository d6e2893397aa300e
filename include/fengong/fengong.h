/* fengong: umbrella header. */
#ifndef FENGONG_H
#define FENGONG_H

#define FG_VERSION "0.1.0"

#include "fengong/error.h"
#include "fengong/file.h"
#include "fengong/process.h"
#include "fengong/text.h"
#include "fengong/doc.h"
#include "fengong/deadline.h"
#include "fengong/target.h"
#include "fengong/lexicon.h"
#include "fengong/parse.h"
#include "fengong/gazetteer.h"
#include "fengong/store.h"
#include "fengong/progress.h"
#include "fengong/analysis.h"
#include "fengong/render.h"
#include "fengong/export.h"
#include "fengong/report.h"
#include "fengong/suggest.h"
#include "fengong/track.h"

#endif
