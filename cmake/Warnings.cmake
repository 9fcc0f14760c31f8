# Applied per target so that Qt's generated moc/rcc code is not held to our rules.
function(wsi_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wnon-virtual-dtor -Woverloaded-virtual)
    if(WSI_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
