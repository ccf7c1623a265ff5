BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB
BBBB BBBB BBBBBBBBBBBBBBBBB

BBBBB BBBBBBB
    XXXXXX XXXXXXXXXXXXXX XXXXXXXXXXXXXXXXXXXX
        XXXXXXXX XXXXXXXXXXXXXXXXXX gettext(u'Translation status of each published page, per language') XXXXXXXXXX
        XXXXXXX
            XXXX
                XXX XXXXXXXXXXXX gettext(u'Page') XXXXX
                BBB BBBBBB BB BBBBBBB
                    XXX XXXXXXXXXXXXXXXXX
                BBBBBB
            XXXXX
        XXXXXXXX
        XXXXXXX
            BBB BBBB BB BBBBBBBBBBB
                XXXX
                    XXX XXXXXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXX FFFFFFXXXXX
                        
                        XXXX XXXXXXXXXXXXXXXX XXXXXXXXXXXXXXXXXXFFFFFFFFFFFFFFFFFFFXXXXXX
                    XXXXX
                    BBB BBBB BB BBBBBBBBBBBBBBBBBBBBBB
                        XXX XXXXXXXXXXXXXX XXXXXXXXXXXXXFFFFFF FXX
                            XXX XXXXXXXXXXXXXXXXXX XXXXX XXXXXXX
                                BBB BBBBB BBBBB BB BBBBBBBBBBB
                                    XXXXBBBBBB BBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBXXXXX
                                BBBBBB
                                BB BBBBBBBBBBBBB BB BBB BBBB
                                    XXXX gettext(u'%(percent)s%% translated') SSSSSSSSSSSSS SSSSSSSSSSXXXXX
                                BBBBB
                            XXXXX
                            XX XXXXXXXXXXXXX XXXXXXXXXXXXXXXXXX  gettext(u'“%(title)s” into %(language)s') SSSSSSSSSSS SSSS SSSSSSSSSSSSXXXXXXXXXXX
                            BB BBBBBBBBBBBBB
                                X XX XXXXXXXX gettext(u'Sync') XXXXX XXXXXXXXXXXXXXXXXX  gettext(u'the translations of “%(title)s”') SSS SSSSSSSSSSSS SS SSSSSSSSSSSXXXXXXXXXXX
                            BBBBB
                        XXXXX
                    BBBBBB
                XXXXX
            BBBBBB
        XXXXXXXX
    XXXXXXXX
BBBBBBBB

BBBBB BBBBBBBBBBBBBBBBBB
    XXX gettext(u'No published pages to translate.') XXXX
BBBBBBBB
