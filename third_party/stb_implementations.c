/* The single translation unit that defines the stb functions Debian's libimgui.a calls
 * (font rasterising and atlas packing). The code itself comes from libstb-dev's headers. */
#define STB_RECT_PACK_IMPLEMENTATION
#include <stb_rect_pack.h>
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb_truetype.h>
