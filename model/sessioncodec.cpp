#include "sessioncodec.h"
