/* The PDF reader (reader.h). */
#include "reader.h"

#include "error.h"

int fg_read_pdf(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    (void)bytes;
    (void)len;
    return fg_error_set(FG_EFORMAT, "%s: reading PDF is not available yet", rd->name);
}
