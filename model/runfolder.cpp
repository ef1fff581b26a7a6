#include "runfolder.h"
