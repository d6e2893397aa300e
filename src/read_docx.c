/* The DOCX reader (reader.h). */
#include "reader.h"

#include "error.h"

int fg_read_docx(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    (void)bytes;
    (void)len;
    return fg_error_set(FG_EFORMAT, "%s: reading DOCX is not available yet", rd->name);
}
